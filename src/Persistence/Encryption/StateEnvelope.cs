using System.Buffers.Binary;
using System.Security.Cryptography;

namespace OpenWxCluster.Persistence.Encryption;

/// <summary>
/// AES-256-GCM envelope of one grain state: magic (4) + format version (1) + key id (8) + nonce (12) + tag (16) +
/// ciphertext. The header (magic, version, key id) is the associated data, so changing any byte of the envelope is
/// refused. The nonce is random per write: 2^-32 collision odds are reached only after ~2^32 writes under one key,
/// far beyond a key's life here (rotate by adding a new first key).
/// </summary>
public static class StateEnvelope
{
    public const byte Version = 1;
    public const int NonceSize = 12;
    public const int TagSize = 16;

    /// <summary>0x89 then "OWS". A clear row that began with these bytes would be refused, never misread.</summary>
    private const uint Magic = 0x894F5753;
    private const int MagicSize = 4;
    private const int HeaderSize = MagicSize + 1 + StateKeyRing.IdSize;
    public const int Overhead = HeaderSize + NonceSize + TagSize;

    /// <summary>Whether <paramref name="data"/> is an envelope (else a row written in clear before encryption).</summary>
    public static bool IsSealed(ReadOnlySpan<byte> data) =>
        data.Length >= MagicSize && BinaryPrimitives.ReadUInt32BigEndian(data) == Magic;

    /// <summary>The key id an envelope names, in hex.</summary>
    public static string KeyIdOf(ReadOnlySpan<byte> envelope) =>
        IsSealed(envelope) && envelope.Length >= HeaderSize
            ? Convert.ToHexStringLower(envelope.Slice(MagicSize + 1, StateKeyRing.IdSize))
            : throw new CryptographicException("not a grain state envelope");

    public static byte[] Seal(StateKeyRing keys, ReadOnlySpan<byte> plaintext)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var envelope = new byte[Overhead + plaintext.Length];
        BinaryPrimitives.WriteUInt32BigEndian(envelope, Magic);
        envelope[MagicSize] = Version;
        keys.WriterId.CopyTo(envelope.AsSpan(MagicSize + 1));
        var nonce = envelope.AsSpan(HeaderSize, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(keys.WriterKey, TagSize);
        aes.Encrypt(nonce, plaintext, envelope.AsSpan(Overhead), envelope.AsSpan(HeaderSize + NonceSize, TagSize), envelope.AsSpan(0, HeaderSize));
        return envelope;
    }

    /// <summary>The plaintext of an envelope; refused (CryptographicException) if unknown, altered or under another key.</summary>
    public static byte[] Open(StateKeyRing keys, ReadOnlySpan<byte> envelope)
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (!IsSealed(envelope) || envelope.Length < Overhead)
        {
            throw new CryptographicException("grain state envelope is truncated");
        }
        if (envelope[MagicSize] != Version)
        {
            throw new CryptographicException($"grain state envelope format {envelope[MagicSize]} is not supported (this build reads {Version})");
        }
        var keyId = KeyIdOf(envelope);
        var key = keys.Find(envelope.Slice(MagicSize + 1, StateKeyRing.IdSize))
            ?? throw new CryptographicException(
                $"grain state is sealed with state key id {keyId}, which is not among the configured state keys " +
                $"({string.Join(", ", keys.KeyIds)}); add that key to App:StateKeyFile (after the writing key) to read it");
        var plaintext = new byte[envelope.Length - Overhead];
        try
        {
            using var aes = new AesGcm(key, TagSize);
            aes.Decrypt(envelope.Slice(HeaderSize, NonceSize), envelope[Overhead..], envelope.Slice(HeaderSize + NonceSize, TagSize), plaintext, envelope[..HeaderSize]);
        }
        catch (AuthenticationTagMismatchException e)
        {
            throw new CryptographicException($"grain state sealed with state key id {keyId} failed authentication (altered or truncated)", e);
        }
        return plaintext;
    }
}
