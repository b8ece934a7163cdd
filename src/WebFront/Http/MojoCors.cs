using Microsoft.Extensions.Options;

namespace OpenWxCluster.WebFront;

/// <summary>
/// <c>Access-Control-*</c> headers, only for origins listed in <c>App:Api:Cors:AllowedOrigins</c> (<c>*</c>: any, as
/// Mojo answers every response). Off by default: a page on any site could otherwise drive an open API.
/// </summary>
internal static class MojoCors
{
    /// <summary>Adds <c>Access-Control-Allow-Origin</c> when the request's origin is allowed; whether it was.</summary>
    public static bool Apply(HttpContext http)
    {
        var allowed = http.RequestServices.GetRequiredService<IOptions<OpenWxApiOptions>>().Value.Cors.AllowedOrigins;
        if (allowed.Length == 0)
        {
            return false;
        }
        if (allowed.Contains("*"))
        {
            http.Response.Headers.AccessControlAllowOrigin = "*";
            return true;
        }
        var origin = http.Request.Headers.Origin.LastOrDefault();
        if (origin is null || !allowed.Contains(origin.TrimEnd('/'), StringComparer.OrdinalIgnoreCase))
        {
            return false;
        }
        http.Response.Headers.AccessControlAllowOrigin = origin;
        http.Response.Headers.Append("Vary", "Origin");
        return true;
    }
}
