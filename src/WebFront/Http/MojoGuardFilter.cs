namespace OpenWxCluster.WebFront;

/// <summary>
/// Runs around every API handler: grain failures turned into <c>{"code":-1,"status":..}</c> so clients never see a
/// 500 page. The checks before binding (limits, credential, broken bodies) are <see cref="MojoGate"/>'s.
/// </summary>
internal sealed partial class MojoGuardFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "OpenWx API call {Path} failed")]
    private static partial void LogFailure(ILogger logger, Exception exception, string path);
}
