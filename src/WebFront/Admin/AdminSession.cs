using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace OpenWxCluster.WebFront;

/// <summary>
/// The admin console's login: the admin credential (as <see cref="ApiCredentials"/> matches it) is exchanged for a
/// cookie holding an expiry and an HMAC of it keyed by the credential. Stateless, so every host of the cluster that
/// has the same credential accepts it (no shared data-protection key ring needed); changing the token ends every
/// session. The cookie never holds the token itself.
/// </summary>
internal static class AdminSession
{
    public const string CookieName = "openwx_admin";

    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(12);

    /// <summary>The token that is the admin credential (the API token when no admin token is set); null when none is.</summary>
    public static string? AdminToken(OpenWxApiOptions options) =>
        !string.IsNullOrEmpty(options.AdminToken) ? options.AdminToken
        : !string.IsNullOrEmpty(options.ApiToken) ? options.ApiToken
        : null;

    /// <summary>Whether <paramref name="given"/> is the admin credential (constant-time compare).</summary>
    public static bool IsAdmin(string? given, OpenWxApiOptions options) =>
        !string.IsNullOrEmpty(given) && ApiCredentials.Match(given, options) == "admin";

    public static string Issue(string adminToken, DateTimeOffset now)
    {
        var expires = (now + Lifetime).ToUnixTimeSeconds();
        return expires.ToString(CultureInfo.InvariantCulture) + "." + Sign(adminToken, expires);
    }

    public static bool IsValid(string? cookie, string adminToken, DateTimeOffset now)
    {
        var dot = cookie?.IndexOf('.', StringComparison.Ordinal) ?? -1;
        if (dot <= 0
            || !long.TryParse(cookie.AsSpan(0, dot), NumberStyles.None, CultureInfo.InvariantCulture, out var expires)
            || expires <= now.ToUnixTimeSeconds())
        {
            return false;
        }
        return CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(cookie![(dot + 1)..]), Encoding.ASCII.GetBytes(Sign(adminToken, expires)));
    }

    public static void SetCookie(HttpContext http, string value, TimeSpan maxAge) =>
        http.Response.Cookies.Append(CookieName, value, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = http.Request.IsHttps,
            Path = "/admin",
            MaxAge = maxAge,
        });

    private static string Sign(string adminToken, long expires)
    {
        // A key derived for this use only, so the MAC is never a MAC keyed by the raw API token.
        var key = SHA256.HashData(Encoding.UTF8.GetBytes("openwx admin console\n" + adminToken));
        return Convert.ToHexString(HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(expires.ToString(CultureInfo.InvariantCulture))));
    }
}
