using System.Security.Cryptography;
using System.Text;

namespace OpenWxCluster.WebFront;

/// <summary>
/// The API's credentials: the admin token (Controller routes, relogin, get_post_log, and everything else), the API
/// token (messaging routes) and per-account API tokens (that account's messaging routes). Without an admin token
/// the API token is the admin credential too; with no token configured at all the API is open, as Mojo without an
/// <c>auth</c> callback (the embedded default). Compares are constant-time.
/// </summary>
internal static class ApiCredentials
{
    public const string TokenHeader = "X-OpenWx-Token";

    /// <summary>Route names (after the API prefix) that need the admin credential.</summary>
    private static readonly HashSet<string> AdminRoutes = new(StringComparer.Ordinal)
    {
        "start_client", "stop_client", "check_client", "get_qrcode", "relogin", "get_post_log",
    };

    public static bool IsAdminRoute(string? endpointName) =>
        endpointName is not null && AdminRoutes.Contains(endpointName[(endpointName.IndexOf('.') + 1)..]);

    public static bool AnyConfigured(OpenWxApiOptions options) =>
        !string.IsNullOrEmpty(options.ApiToken)
        || !string.IsNullOrEmpty(options.AdminToken)
        || options.Accounts.Values.Any(a => !string.IsNullOrEmpty(a.ApiToken));

    /// <summary><c>token=</c> (query, or body when bound), <c>X-OpenWx-Token</c>, or <c>Authorization: Bearer</c>.</summary>
    public static string? Given(HttpContext http, MojoParameters? parameters)
    {
        var given = parameters?["token"] ?? http.Request.Query["token"].LastOrDefault() ?? http.Request.Headers[TokenHeader].LastOrDefault();
        var authorization = http.Request.Headers.Authorization.LastOrDefault();
        if (given is null && authorization?.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) == true)
        {
            given = authorization["Bearer ".Length..].Trim();
        }
        return given;
    }

    /// <summary>Which configured credential <paramref name="given"/> is: <c>admin</c>, <c>api</c>, <c>account:&lt;client&gt;</c>, or null.</summary>
    public static string? Match(string given, OpenWxApiOptions options)
    {
        var bytes = Encoding.UTF8.GetBytes(given);
        if (Same(bytes, options.AdminToken))
        {
            return "admin";
        }
        if (Same(bytes, options.ApiToken))
        {
            return string.IsNullOrEmpty(options.AdminToken) ? "admin" : "api";
        }
        foreach (var (client, account) in options.Accounts)
        {
            if (Same(bytes, account.ApiToken))
            {
                return "account:" + client;
            }
        }
        return null;
    }

    /// <summary>Whether the matched credential opens the route (for <paramref name="client"/>'s account).</summary>
    public static bool Grants(string? match, bool adminRoute, string client) => match switch
    {
        "admin" => true,
        "api" => !adminRoute,
        { } account => !adminRoute && account == "account:" + client,
        null => false,
    };

    private static bool Same(byte[] given, string? token) =>
        !string.IsNullOrEmpty(token) && CryptographicOperations.FixedTimeEquals(given, Encoding.UTF8.GetBytes(token));
}
