using System.Text;

namespace OpenWxCluster.WebFront;

/// <summary>Mojo's answers outside the API routes: <c>OPTIONS</c> → 200 with the allowed methods (and CORS headers when configured), else 403 text.</summary>
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
        var cors = MojoCors.Apply(http);
        if (HttpMethods.IsOptions(http.Request.Method))
        {
            http.Response.Headers.Allow = MojoRoutes.AllowMethods;
            if (cors)
            {
                // The preflight answer, for allowed origins only (App:Api:Cors:AllowedOrigins).
                http.Response.Headers.AccessControlAllowMethods = MojoRoutes.AllowMethods;
                http.Response.Headers.AccessControlAllowHeaders = "*";
            }
            return Results.Ok();
        }
        return Results.Text("api not found", "text/plain", Encoding.UTF8, StatusCodes.Status403Forbidden);
    }
}
