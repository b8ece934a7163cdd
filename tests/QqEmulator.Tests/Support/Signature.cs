using System.Security.Cryptography;
using System.Text;

namespace OpenWxCluster.QqEmulator.Tests.Support;

/// <summary>The test's own X-Signature computation (http-post.md), independent of the emulator's.</summary>
internal static class Signature
{
    public static string Of(string secret, string body)
    {
        using var hmac = new HMACSHA1(Encoding.UTF8.GetBytes(secret));
        return "sha1=" + string.Concat(hmac.ComputeHash(Encoding.UTF8.GetBytes(body)).Select(b => b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture)));
    }
}
