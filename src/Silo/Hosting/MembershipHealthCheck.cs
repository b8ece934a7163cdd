using Microsoft.Extensions.Diagnostics.HealthChecks;
using Orleans.Runtime;

namespace OpenWxCluster.Silo.Hosting;

/// <summary>Ready when the cluster's membership view lists this silo as active (joined, not shutting down).</summary>
public sealed class MembershipHealthCheck(IClusterMembershipService membership, ILocalSiloDetails silo) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var status = membership.CurrentSnapshot.GetSiloStatus(silo.SiloAddress);
        return Task.FromResult(status == SiloStatus.Active
            ? HealthCheckResult.Healthy("active")
            : HealthCheckResult.Unhealthy(status.ToString().ToLowerInvariant()));
    }
}
