using OpenWxCluster.Emulator;
using OpenWxCluster.Silo.Hosting;
using OpenWxCluster.WebFront;

namespace OpenWxCluster.Silo;

/// <summary>Builds the silo process: Orleans silo + the co-hosted Mojo-compatible HTTP API.</summary>
public static class SiloApp
{
    public static async Task<(WebApplication App, EmulatorHost? Emulator)> BuildAsync(string[] args)
    {
        var builder = WebApplication.CreateBuilder(CommandLine.Normalize(args));
        var app = builder.Configuration.GetSection(AppOptions.Section).Get<AppOptions>() ?? new AppOptions();
        await DatabaseSetup.ApplyIfAskedAsync(app);
        var emulator = await UpstreamSetup.ConfigureAsync(builder, app);
        builder.UseOrleans(silo => OrleansSetup.Configure(silo, app));
        builder.Services.AddOpenWxApi(builder.Configuration);
        if (app.Demo)
        {
            builder.Services.AddHostedService<QqDemoService>();
        }
        var web = builder.Build();
        // OneBot implementations may connect back over a reverse WebSocket (/onebot/{client}/ws).
        web.UseWebSockets();
        web.MapOpenWx();
        web.MapOpenQq();
        web.MapAdminConsole();
        return (web, emulator);
    }
}
