using Microsoft.AspNetCore.Hosting.Server;
using OpenWxCluster.Emulator;

namespace OpenWxCluster.Silo.Hosting;

/// <summary>
/// What a person starting the silo needs to see once it listens: each address, labelled. Printed to the console
/// (not logged), like Mojo's start-up lines.
/// </summary>
public static class StartupBanner
{
    public static void PrintWhenStarted(WebApplication web, AppOptions app, EmulatorHost? emulator)
    {
        var lifetime = web.Services.GetRequiredService<IHostApplicationLifetime>();
        lifetime.ApplicationStarted.Register(() => Console.Out.Write(Text(web.Services.GetRequiredService<IServer>(), app, emulator)));
    }

    private static string Text(IServer server, AppOptions app, EmulatorHost? emulator)
    {
        var front = WebFront.ApiLoopback.OwnAddress(server);
        var lines = new List<string>
        {
            "",
            $"OpenWxCluster silo is running (storage: {app.Storage}, clustering: {app.Clustering}, upstream: {(app.Demo ? "demo" : app.Upstream)})",
            $"  Openwx API (Mojo-Weixin)   {new Uri(front, "openwx/")}",
            $"  Openqq API (Mojo-Webqq)    {new Uri(front, "openqq/")}",
            $"  OneBot v11 reports         {new Uri(front, "onebot/")}<client>  (HTTP POST, or /ws for reverse WebSocket)",
            $"  Admin console              {new Uri(front, "admin/")}{(app.Dashboard ? $"  (Orleans Dashboard: {new Uri(front, "admin/dashboard/")})" : "")}",
            $"  Metrics (Prometheus)       {new Uri(front, "metrics")}",
            $"  Health                     {new Uri(front, "healthz")}  {new Uri(front, "readyz")}",
            $"  Orleans silo / gateway     port {app.SiloPort} / {app.GatewayPort}  ({app.OrleansPortProtection})",
        };
        if (AppOptions.IsPostgres(app.Storage))
        {
            lines.Add($"  Grain state at rest        {StateKeys.Describe(app)}");
        }
        if (emulator is not null)
        {
            lines.Add($"  WeChat emulator control    {new Uri(emulator.BaseUri, "control/")}  (Authorization: Bearer <App:EmulatorControlToken>){(app.Demo ? "; demo: its phone scans every QR and friends chat" : "")}");
        }
        if (app.Demo)
        {
            lines.Add($"  Try: curl '{new Uri(front, "openwx/start_client?client=default")}'  then  curl '{new Uri(front, "openwx/check_event")}'");
        }
        lines.Add("Press Ctrl+C to stop.");
        lines.Add("");
        return string.Join(Environment.NewLine, lines);
    }
}
