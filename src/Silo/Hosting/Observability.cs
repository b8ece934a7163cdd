using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using OpenTelemetry.Metrics;
using OpenWxCluster.Grains.Diagnostics;

namespace OpenWxCluster.Silo.Hosting;

/// <summary>
/// Metrics for Prometheus at <c>/metrics</c> (the cluster's own meter beside Orleans', ASP.NET Core's, Kestrel's and
/// the runtime's), <c>/healthz</c> (the process answers) and <c>/readyz</c> (the silo is an active member of the
/// cluster and the grain storage answers; a load balancer sends traffic only then).
/// </summary>
public static class Observability
{
    public const string ReadyTag = "ready";

    public static void AddObservability(this WebApplicationBuilder builder)
    {
        builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(OpenWxMetrics.MeterName)
            .AddMeter("Microsoft.Orleans")
            .AddMeter("Microsoft.AspNetCore.Hosting")
            .AddMeter("Microsoft.AspNetCore.Server.Kestrel")
            .AddMeter("System.Runtime")
            .AddPrometheusExporter());
        builder.Services.AddHealthChecks()
            .AddCheck<MembershipHealthCheck>("membership", tags: [ReadyTag])
            .AddCheck<StorageHealthCheck>("storage", tags: [ReadyTag]);
    }

    public static void MapObservability(this WebApplication app)
    {
        app.MapPrometheusScrapingEndpoint("/metrics");
        // Liveness runs no check: a silo busy rejoining or waiting on its database is alive, only not ready.
        app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/readyz", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(ReadyTag),
            ResponseWriter = HealthJson.WriteAsync,
        });
    }
}
