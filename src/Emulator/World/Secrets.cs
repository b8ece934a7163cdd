using System.Security.Cryptography;

namespace OpenWxCluster.Emulator.World;

/// <summary>Random tokens in the shapes the real service uses (sid, skey, tickets, uuids, message ids).</summary>
internal static class Secrets
{
    private const string LowerAlnum = "abcdefghijklmnopqrstuvwxyz0123456789";
    private const string Base64Chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    private const string UrlSafe = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    public static string Hex(int bytes) => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(bytes));

    public static string Lower(int length) => RandomNumberGenerator.GetString(LowerAlnum, length);

    /// <summary>Login uuids look like <c>gZSIrc2Jgg==</c>; url-safe letters keep them usable as a path segment.</summary>
    public static string Uuid() => RandomNumberGenerator.GetString(UrlSafe, 10) + "==";

    /// <summary>wxsid: 16 base64-ish chars, e.g. <c>LVzK0Q1x+9Nb5Xuq</c>; '+' and '/' make clients escape it.</summary>
    public static string Sid() => RandomNumberGenerator.GetString(Base64Chars, 16);

    public static string Skey() => "@crypt_" + Hex(4) + "_" + Hex(16);

    /// <summary>pass_ticket/webwx_data_ticket: long base64 strings that need url-escaping.</summary>
    public static string Ticket(int length) => RandomNumberGenerator.GetString(Base64Chars, length);

    public static string Digits(int length) => RandomNumberGenerator.GetString("0123456789", length);
}
