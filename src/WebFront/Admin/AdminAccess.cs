using System.Net;
using Microsoft.Extensions.Options;

namespace OpenWxCluster.WebFront;

/// <summary>
/// Who may use the console. With an admin credential configured: a valid session cookie (else pages redirect to the
/// login and the JSON answers 401). With none configured at all (the embedded default): loopback clients only, and
/// only under a loopback host name, so a web page on another site cannot reach it by DNS rebinding. State-changing
/// requests must come from the console's own origin (with the cookie's SameSite=Strict, the CSRF guard).
/// </summary>
internal static class AdminAccess
{
    public static async ValueTask<object?> FilterAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        AdminHtml.SecureHeaders(http.Response);
        if (Refusal(http) is { } refusal)
        {
            return refusal;
        }
        return await next(context);
    }

    /// <summary>
    /// The same guard for endpoints the console does not map itself (the Orleans Dashboard): run before routing, so
    /// static files and API calls alike are covered.
    /// </summary>
    public static async Task GuardAsync(HttpContext http, RequestDelegate next)
    {
        if (Refusal(http) is { } refusal)
        {
            await refusal.ExecuteAsync(http);
            return;
        }
        await next(http);
    }

    private static IResult? Refusal(HttpContext http)
    {
        var options = http.RequestServices.GetRequiredService<IOptions<OpenWxApiOptions>>().Value;
        if (HttpMethods.IsPost(http.Request.Method) && !SameOrigin(http.Request))
        {
            return Results.Text("cross-origin request refused", "text/plain", null, StatusCodes.Status403Forbidden);
        }
        if (AdminSession.AdminToken(options) is not { } token)
        {
            return IsLocal(http)
                ? null
                : Results.Text("the admin console is open to loopback clients only until App:Api:AdminToken is set", "text/plain", null, StatusCodes.Status403Forbidden);
        }
        var time = http.RequestServices.GetRequiredService<TimeProvider>();
        if (AdminSession.IsValid(http.Request.Cookies[AdminSession.CookieName], token, time.GetUtcNow()))
        {
            return null;
        }
        return http.Request.Path.StartsWithSegments("/admin/api", StringComparison.Ordinal)
            ? Results.Json(new { code = -6, status = "auth failure" }, statusCode: StatusCodes.Status401Unauthorized)
            : Results.Redirect("/admin/login");
    }

    /// <summary>
    /// The browser's <c>Origin</c> (sent with every POST) names this host; without one, <c>Sec-Fetch-Site</c> must say
    /// same-origin. A proxy that changes the Host must forward it (or this refuses its POSTs).
    /// </summary>
    public static bool SameOrigin(HttpRequest request)
    {
        var origin = request.Headers.Origin.ToString();
        if (origin.Length > 0)
        {
            return string.Equals(origin, $"{request.Scheme}://{request.Host.Value}", StringComparison.OrdinalIgnoreCase);
        }
        return request.Headers["Sec-Fetch-Site"].ToString() == "same-origin";
    }

    public static bool IsLocal(HttpContext http) =>
        http.Connection.RemoteIpAddress is { } address && IPAddress.IsLoopback(address)
        && http.Request.Host.Host is "localhost" or "127.0.0.1" or "[::1]" or "::1";
}
