using OpenWxCluster.Emulator.Control;

namespace OpenWxCluster.Emulator.World;

/// <summary>What a media message delivered, so a test can compare the bytes with what its client sent.</summary>
public sealed partial class EmulatorWorld
{
    /// <summary>The media linked to a message (an image, video, emoticon or file sent through the web CGIs).</summary>
    public MessageMediaInfo GetMessageMedia(string msgId)
    {
        if (!long.TryParse(msgId, out var id) || Media.ForMessage(id) is not { } media)
        {
            throw EmulatorControlException.NotFound($"media of message {msgId}");
        }
        return new MessageMediaInfo(msgId, media.MediaId, media.Name, media.Mime, media.Bytes.Length, Convert.ToBase64String(media.Bytes));
    }
}
