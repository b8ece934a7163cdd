using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Runtime.Membership;
using Orleans.Runtime.MembershipService;

namespace OpenWxCluster.Persistence.Tests.Infrastructure;

/// <summary>The real Orleans AdoNet clustering classes, constructed directly over a test database.</summary>
internal static class Providers
{
    public const string Invariant = "Npgsql";

    private static readonly IServiceProvider EmptyServices = new ServiceCollection().BuildServiceProvider();

    public static AdoNetClusteringTable ClusteringTable(string connectionString, string clusterId) =>
        new(
            EmptyServices,
            Options.Create(new ClusterOptions { ClusterId = clusterId, ServiceId = "svc" }),
            Options.Create(new AdoNetClusteringSiloOptions { Invariant = Invariant, ConnectionString = connectionString }),
            NullLogger<AdoNetClusteringTable>.Instance);

    public static AdoNetGatewayListProvider GatewayList(string connectionString, string clusterId) =>
        new AdoNetGatewayListProvider(
            NullLogger<AdoNetGatewayListProvider>.Instance,
            EmptyServices,
            Options.Create(new AdoNetClusteringClientOptions { Invariant = Invariant, ConnectionString = connectionString }),
            Options.Create(new GatewayOptions()),
            Options.Create(new ClusterOptions { ClusterId = clusterId, ServiceId = "svc" }));
}
