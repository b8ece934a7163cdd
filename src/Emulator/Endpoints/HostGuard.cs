using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using OpenWxCluster.Emulator.World;

namespace OpenWxCluster.Emulator.Endpoints;

/// <summary>
/// Enforces the loopback contract: a request carrying X-Upstream-Host must have been addressed to the host kind its
/// endpoint lives on (a driver that forgot the domain switch gets 404, as a wrong real host would fail). Requests
/// without the header (curl, browsers) are accepted.
/// </summary>
internal static class HostGuard
{
    public const string Header = "X-Upstream-Host";

    public static RouteHandlerBuilder OnHost(this RouteHandlerBuilder builder, HostKind kind) =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var world = http.RequestServices.GetRequiredService<EmulatorWorld>();
            return Allows(http, kind, world.Domain)
                ? await next(context)
                : Results.Text($"wrong host for this endpoint (expected the {kind} host)", "text/plain", statusCode: 404);
        });

    public static bool Allows(HttpContext context, HostKind kind, string domain)
    {
        var header = context.Request.Headers[Header].ToString();
        if (string.IsNullOrWhiteSpace(header))
        {
            return true;
        }

        var host = header.Split(':')[0].Trim().ToLowerInvariant();
        domain = domain.ToLowerInvariant();
        return kind switch
        {
            HostKind.Login => host.StartsWith("login.", StringComparison.Ordinal),
            HostKind.QrImage => host.StartsWith("login.", StringComparison.Ordinal),
            HostKind.Main => host == domain,
            HostKind.WebPush => host == "webpush." + domain,
            HostKind.File => host == "file." + domain,
            _ => false,
        };
    }
}
