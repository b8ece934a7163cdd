using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using OpenWxCluster.Emulator.World;

namespace OpenWxCluster.Emulator.Endpoints;

/// <summary>Applies the armed <see cref="FaultPlan"/> to protocol requests (never to /control).</summary>
internal static class FaultMiddleware
{
    public static void UseFaults(this WebApplication app, EmulatorWorld world) => app.Use(async (http, next) =>
    {
        if (http.Request.Path.StartsWithSegments("/control") || world.Faults.Take(http.Request.Path.Value ?? "") is not { } fault)
        {
            await next(http);
            return;
        }

        if (fault.LatencyMs > 0)
        {
            await Task.Delay(fault.LatencyMs, http.RequestAborted);
        }

        if (fault.Mode == "hold")
        {
            await world.Faults.Hold.WaitAsync(http.RequestAborted);
        }

        if (fault.Mode is "latency" or "hold")
        {
            await next(http);
            return;
        }

        if (fault.Mode == "error")
        {
            http.Response.StatusCode = fault.Status ?? StatusCodes.Status500InternalServerError;
            return;
        }

        if (fault.Mode == "retcode")
        {
            var body = http.Request.Path.Value!.EndsWith("/synccheck", StringComparison.Ordinal)
                ? Wire.WireJson.Js($"window.synccheck={{retcode:\"{fault.RetCode}\",selector:\"0\"}}")
                : Wire.WireJson.Ret(fault.RetCode);
            await body.ExecuteAsync(http);
            return;
        }

        var original = http.Response.Body;
        using var captured = new MemoryStream();
        http.Response.Body = captured;
        await next(http);
        http.Response.Body = original;
        var bytes = captured.ToArray();
        var half = bytes.AsMemory(0, bytes.Length / 2);
        http.Response.ContentLength = fault.Mode == "truncated" ? bytes.Length : half.Length;
        await original.WriteAsync(half, http.RequestAborted);
        if (fault.Mode == "truncated")
        {
            await original.FlushAsync(http.RequestAborted);
            http.Abort();
        }
    });
}
