using System.Security.Cryptography;
using System.Text;

namespace OpenWxCluster.QqProtocol.Events;

/// <summary>
/// The HTTP POST <c>X-Signature</c> header: <c>sha1=</c> + lowercase hex HMAC-SHA1(secret, exact body bytes).
/// Verify over the raw bytes as received; re-serialised JSON would not match.
/// </summary>
public static class OneBotSignature
{
    public const string HeaderName = "X-Signature";

    public static string Compute(string secret, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(secret);
        return "sha1=" + Convert.ToHexStringLower(HMACSHA1.HashData(Encoding.UTF8.GetBytes(secret), body));
    }

    /// <summary>True when <paramref name="header"/> is the signature of <paramref name="body"/>; constant-time compare.</summary>
    public static bool Verify(string secret, ReadOnlySpan<byte> body, string? header)
    {
        if (string.IsNullOrEmpty(header))
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(Compute(secret, body));
        // Hex is case-insensitive; normalise so an uppercase sender isn't rejected.
        var actual = Encoding.ASCII.GetBytes(header.Trim().ToLowerInvariant());
        return CryptographicOperations.FixedTimeEquals(expected, actual);
    }
}
