using System.Security.Cryptography;

namespace OpenWxCluster.Persistence.Encryption;

/// <summary>
/// The AES-256 keys that seal grain state at rest. The first key seals every write; the others only open rows sealed
/// before a rotation. A key is named by its id (the first bytes of its SHA-256), written in clear in each envelope so a
/// reader picks the right key without trying them all.
/// </summary>
public sealed class StateKeyRing
{
    public const int KeySize = 32;
    public const int IdSize = 8;

    private readonly List<(byte[] Id, byte[] Key)> _keys;

    private StateKeyRing(List<(byte[] Id, byte[] Key)> keys) => _keys = keys;

    /// <summary>The id of the key that seals writes, in hex (safe to log or show: it reveals nothing of the key).</summary>
    public string WriterKeyId => Convert.ToHexStringLower(_keys[0].Id);

    /// <summary>Every key id, writer first.</summary>
    public IReadOnlyList<string> KeyIds => [.. _keys.Select(k => Convert.ToHexStringLower(k.Id))];

    internal byte[] WriterId => _keys[0].Id;

    internal byte[] WriterKey => _keys[0].Key;

    /// <summary>A ring of raw 32-byte keys, writer first (duplicates are kept once).</summary>
    public static StateKeyRing FromKeys(params IReadOnlyList<byte[]> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var ring = new List<(byte[] Id, byte[] Key)>();
        foreach (var key in keys)
        {
            if (key.Length != KeySize)
            {
                throw new ArgumentException($"a state key has {KeySize} bytes", nameof(keys));
            }
            var id = IdOf(key);
            if (!ring.Any(k => k.Id.AsSpan().SequenceEqual(id)))
            {
                ring.Add((id, key.ToArray()));
            }
        }
        return ring.Count > 0 ? new StateKeyRing(ring) : throw new ArgumentException("no state key", nameof(keys));
    }

    /// <summary>
    /// Keys written in base64, writer first, each with the setting it came from; bad material stops with that setting's
    /// name, never the material itself.
    /// </summary>
    public static StateKeyRing FromBase64(IEnumerable<(string Source, string Base64)> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var raw = new List<byte[]>();
        foreach (var (source, text) in keys)
        {
            var buffer = new byte[KeySize + 3];
            if (!Convert.TryFromBase64String(text.Trim(), buffer, out var length) || length != KeySize)
            {
                throw new InvalidOperationException(
                    $"{source} is not a base64 {KeySize}-byte key (make one with: openssl rand -base64 {KeySize})");
            }
            raw.Add(buffer[..KeySize]);
        }
        return FromKeys(raw);
    }

    /// <summary>A fresh random key, for tests and tools.</summary>
    public static byte[] NewKey() => RandomNumberGenerator.GetBytes(KeySize);

    /// <summary>The id of a key: the first <see cref="IdSize"/> bytes of its SHA-256.</summary>
    public static byte[] IdOf(ReadOnlySpan<byte> key) => SHA256.HashData(key)[..IdSize];

    internal byte[]? Find(ReadOnlySpan<byte> id)
    {
        foreach (var (keyId, key) in _keys)
        {
            if (keyId.AsSpan().SequenceEqual(id))
            {
                return key;
            }
        }
        return null;
    }
}
