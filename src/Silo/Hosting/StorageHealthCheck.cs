using Microsoft.Extensions.Diagnostics.HealthChecks;
using Orleans.Storage;

namespace OpenWxCluster.Silo.Hosting;

/// <summary>
/// Ready when the grain storage answers a read (PostgreSQL or memory, through the same provider the accounts use),
/// within <see cref="Timeout"/>: a silo whose database is gone cannot save an event, so it must not take traffic.
/// </summary>
public sealed class StorageHealthCheck(IServiceProvider services) : IHealthCheck
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);
    private static readonly GrainId Probe = GrainId.Create("openwx-health", "probe");

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var storage = services.GetRequiredKeyedService<IGrainStorage>(OrleansNames.Storage);
        try
        {
            await storage.ReadStateAsync("probe", Probe, new GrainState<ProbeState>()).WaitAsync(Timeout, cancellationToken);
            return HealthCheckResult.Healthy("answers");
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The kind only: provider messages can carry connection details.
            return HealthCheckResult.Unhealthy(e is TimeoutException ? "timeout" : e.GetType().Name);
        }
    }
}
