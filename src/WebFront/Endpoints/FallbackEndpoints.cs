using System.Text;

namespace OpenWxCluster.WebFront;

/// <summary>Mojo's answers outside the API routes: <c>OPTIONS</c> → 200 with the allowed methods, else 403 text.</summary>
internal static class FallbackEndpoints
{
    public static IEndpointRouteBuilder MapFallbackEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // No method filter: OPTIONS and unknown methods on known routes end up here too, instead of a 405.
        endpoints.Map("/{**rest}", Answer);
        endpoints.Map("/", Answer);
        return endpoints;
    }

    internal static IResult Answer(HttpContext http)
    {
        http.Response.Headers.AccessControlAllowOrigin = "*";
        if (HttpMethods.IsOptions(http.Request.Method))
        {
            http.Response.Headers.AccessControlAllowMethods = MojoRoutes.AllowMethods;
            http.Response.Headers.Allow = MojoRoutes.AllowMethods;
            http.Response.Headers.AccessControlAllowHeaders = "*";
            return Results.Ok();
        }
        return Results.Text("api not found", "text/plain", Encoding.UTF8, StatusCodes.Status403Forbidden);
    }
}
