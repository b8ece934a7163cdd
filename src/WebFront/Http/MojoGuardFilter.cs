using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace OpenWxCluster.WebFront;

/// <summary>
/// Runs around every API handler: CORS header, optional token, malformed bodies, and grain failures turned into
/// <c>{"code":-1,"status":..}</c> so clients never see a 500 page.
/// </summary>
/// <param name="controllerRoute">
/// Mojo answers an auth failure on controller routes with HTTP 403 text and on Openwx routes with code -6.
/// </param>
internal sealed partial class MojoGuardFilter(bool controllerRoute) : IEndpointFilter
{
    public const string TokenHeader = "X-OpenWx-Token";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        http.Response.Headers.AccessControlAllowOrigin = "*";
        var parameters = MojoParameters.Peek(http);

        var token = http.RequestServices.GetRequiredService<IOptions<OpenWxApiOptions>>().Value.ApiToken;
        if (!string.IsNullOrEmpty(token) && !Authorized(http, parameters, token))
        {
            return controllerRoute
                ? Results.Text("auth failure", "text/plain", Encoding.UTF8, StatusCodes.Status403Forbidden)
                : MojoReply.Error(-6, "auth failure");
        }
        if (parameters?.BodyError is { } bodyError)
        {
            return MojoReply.Error(-1, bodyError);
        }

        try
        {
            return await next(context);
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            return Results.Empty;
        }
        catch (Exception ex)
        {
            // Orleans timeouts, unavailable silos and grain faults all land here; the text names the failure kind
            // only (exception messages can carry grain keys and silo addresses).
            var logger = http.RequestServices.GetRequiredService<ILogger<MojoGuardFilter>>();
            LogFailure(logger, ex, http.Request.Path);
            var status = ex is TimeoutException ? "request timeout" : $"request failed: {ex.GetType().Name}";
            return MojoReply.Error(-1, status);
        }
    }

    private static bool Authorized(HttpContext http, MojoParameters? parameters, string token)
    {
        var given = parameters?["token"] ?? http.Request.Headers[TokenHeader].LastOrDefault();
        var authorization = http.Request.Headers.Authorization.LastOrDefault();
        if (given is null && authorization?.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) == true)
        {
            given = authorization["Bearer ".Length..].Trim();
        }
        return given is not null
            && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(token));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "OpenWx API call {Path} failed")]
    private static partial void LogFailure(ILogger logger, Exception exception, string path);
}
