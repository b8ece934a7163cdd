using System.Collections.Concurrent;

namespace OpenWxCluster.Emulator.World;

/// <summary>
/// Uploaded media: chunks are buffered per (account, ClientMediaId) until all have arrived, then stored under a new
/// MediaId; messages that carry media are linked to it so recipients can download by MsgID.
/// </summary>
internal sealed class MediaStore
{
    private readonly ConcurrentDictionary<string, byte[]?[]> _partial = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, StoredMedia> _byMediaId = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<long, string> _byMsgId = new();
    private readonly ConcurrentDictionary<long, int> _msgTypes = new();
    private readonly ConcurrentDictionary<string, int> _downloads = new(StringComparer.Ordinal);

    /// <summary>Counts one served download of a message's media (by MsgId) or of a file (by MediaId).</summary>
    public void CountDownload(string id) => _downloads.AddOrUpdate(id, 1, (_, n) => n + 1);

    public int Downloads(string id) => _downloads.GetValueOrDefault(id);

    /// <summary>Adds one chunk; returns the stored media once every chunk is there, else null.</summary>
    public StoredMedia? AddChunk(string owner, string clientMediaId, int chunk, int chunks, byte[] bytes, string name, string mime)
    {
        var key = owner + "/" + clientMediaId;
        var parts = _partial.GetOrAdd(key, _ => new byte[chunks][]);
        if (parts.Length != chunks || chunk < 0 || chunk >= chunks)
        {
            throw new InvalidOperationException("chunk numbering does not match");
        }

        lock (parts)
        {
            parts[chunk] = bytes;
            if (parts.Any(p => p is null))
            {
                return null;
            }
        }

        _partial.TryRemove(key, out _);
        var media = new StoredMedia("@crypt_" + Secrets.Hex(4) + "_" + Secrets.Hex(32), [.. parts.SelectMany(p => p!)], name, mime, owner);
        _byMediaId[media.MediaId] = media;
        return media;
    }

    public StoredMedia? Get(string? mediaId) => mediaId is null ? null : _byMediaId.GetValueOrDefault(mediaId);

    public void Link(long msgId, string mediaId) => _byMsgId[msgId] = mediaId;

    /// <summary>Links a message and remembers its MsgType, so the voice/video CGIs only serve their own kind.</summary>
    public void Link(long msgId, string mediaId, int msgType)
    {
        _msgTypes[msgId] = msgType;
        Link(msgId, mediaId);
    }

    public StoredMedia? ForMessage(long msgId) => _byMsgId.TryGetValue(msgId, out var id) ? Get(id) : null;

    /// <summary>The media of a message linked with one of <paramref name="msgTypes"/>, else null.</summary>
    public StoredMedia? ForMessage(long msgId, params int[] msgTypes) =>
        _msgTypes.TryGetValue(msgId, out var type) && msgTypes.Contains(type) ? ForMessage(msgId) : null;

    /// <summary>Whether some message of <paramref name="msgType"/> carried this MediaId.</summary>
    public bool IsSentAs(string mediaId, int msgType) =>
        _msgTypes.Any(t => t.Value == msgType && _byMsgId.TryGetValue(t.Key, out var id) && id == mediaId);

    /// <summary>Stores bytes that did not come through webwxuploadmedia (control-injected voice, video...).</summary>
    public StoredMedia Store(string owner, byte[] bytes, string name, string mime)
    {
        var media = new StoredMedia("@crypt_" + Secrets.Hex(4) + "_" + Secrets.Hex(32), bytes, name, mime, owner);
        _byMediaId[media.MediaId] = media;
        return media;
    }
}
