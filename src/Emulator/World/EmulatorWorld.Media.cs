using OpenWxCluster.Emulator.Control;
using OpenWxCluster.Emulator.Sessions;
using OpenWxCluster.Emulator.Wire;

namespace OpenWxCluster.Emulator.World;

/// <summary>Media that only a phone can send on the real service (voice; video recorded on the phone).</summary>
public sealed partial class EmulatorWorld
{
    public ControlMessageResult SendMedia(ControlMediaMessageRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!Directory.UserExists(request.From))
        {
            throw EmulatorControlException.NotFound($"user {request.From}");
        }

        if (!Directory.CanSendTo(request.From, request.To))
        {
            throw EmulatorControlException.BadRequest($"{request.From} is neither a friend of nor a member of {request.To}");
        }

        if (request.MsgType is not (34 or 43))
        {
            throw EmulatorControlException.BadRequest("msgType must be 34 (voice) or 43 (video)");
        }

        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(request.DataBase64);
        }
        catch (FormatException)
        {
            throw EmulatorControlException.BadRequest("dataBase64 is not base64");
        }

        var voice = request.MsgType == 34;
        var media = Media.Store(request.From, bytes, voice ? "voice.mp3" : "video.mp4", voice ? "audio/mp3" : "video/mp4");
        var ms = Math.Max(1, request.PlayLength) * 1000;
        var xml = voice
            ? $"<msg><voicemsg endflag=\"1\" length=\"{bytes.Length}\" voicelength=\"{ms}\" clientmsgid=\"\" fromusername=\"{request.From}\" isplaying=\"0\" /></msg>"
            : $"<?xml version=\"1.0\"?>\n<msg><videomsg aeskey=\"\" length=\"{bytes.Length}\" playlength=\"{ms / 1000}\" fromusername=\"{request.From}\" /></msg>";
        var message = new EmuMessage
        {
            MsgId = NewMsgId(), FromId = request.From, ToId = request.To, MsgType = request.MsgType, Content = WireText.Escape(xml),
            CreateTime = Now(), VoiceLength = voice ? ms : 0, PlayLength = voice ? 0 : ms / 1000,
        };
        Media.Link(message.MsgId, media.MediaId, request.MsgType);
        var queuedAt = DateTimeOffset.UtcNow;
        var delivered = Route(message, echoToSender: true);
        RecordSent(request.From, new SentMessageInfo(message.MsgId.ToString(), "", request.To, "", request.MsgType, "", message.CreateTime, "phone"));
        return new ControlMessageResult(message.MsgId.ToString(), message.CreateTime, delivered, queuedAt);
    }
}
