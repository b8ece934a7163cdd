using Orleans.Dashboard;
using OpenWxCluster.Emulator;
using OpenWxCluster.Silo.Hosting;
using OpenWxCluster.WebFront;

namespace OpenWxCluster.Silo;

/// <summary>Builds the silo process: Orleans silo + the co-hosted Mojo-compatible HTTP API.</summary>
public static class SiloApp
{
    /// <summary>Below /admin: the console's session cookie goes there, and its guard covers every request.</summary>
    public const string Dashboard = "/admin/dashboard";

    public static async Task<(WebApplication App, EmulatorHost? Emulator)> BuildAsync(string[] args)
    {
        // appsettings.json is read from the program's folder whatever the working directory (a silo started from the
        // repository root used to miss it, and ran with Information logs and no settings).
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = CommandLine.Normalize(args),
            ContentRootPath = AppContext.BaseDirectory,
        });
        QuietDefaults.Apply(builder);
        var app = builder.Configuration.GetSection(AppOptions.Section).Get<AppOptions>() ?? new AppOptions();
        await DatabaseSetup.ApplyIfAskedAsync(app);
        var emulator = await UpstreamSetup.ConfigureAsync(builder, app);
        builder.UseOrleans(silo =>
        {
            OrleansSetup.Configure(silo, app);
            if (app.Dashboard)
            {
                // Its grain profiler runs only while someone looks (GrainProfilerOptions.TraceAlways is off). Its counter
                // sampling reads Orleans' gauges, some of which walk every activation: every 10 s instead of every
                // second (Dashboard:CounterUpdateIntervalMs), it was a fifth of an idle silo's CPU with 2,000 accounts.
                silo.AddDashboard();
                silo.Services.AddOptions<DashboardOptions>()
                    .Configure(o => o.CounterUpdateIntervalMs = 10_000)
                    .BindConfiguration("Dashboard");
            }
        });
        builder.Services.AddOpenWxApi(builder.Configuration);
        builder.AddObservability();
        if (app.Demo)
        {
            builder.Services.AddSingleton(app);
            builder.Services.AddHostedService<QqDemoService>();
        }
        var web = builder.Build();
        // OneBot implementations may connect back over a reverse WebSocket (/onebot/{client}/ws).
        web.UseWebSockets();
        web.MapOpenWx();
        web.MapOpenQq();
        web.UseAdminGuard(Dashboard);
        web.MapAdminConsole();
        if (app.Dashboard)
        {
            web.MapOrleansDashboard(Dashboard);
        }
        web.MapObservability();
        StartupBanner.PrintWhenStarted(web, app, emulator);
        return (web, emulator);
    }
}
