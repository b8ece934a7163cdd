using System.Net;
using Orleans.Configuration;

namespace OpenWxCluster.WebFront;

/// <summary>
/// The stand-alone web front's Orleans client. Settings live under <c>App:*</c>: Orleans binds the <c>Orleans</c>
/// section by itself and app keys there break its provider lookup.
/// </summary>
public static class OrleansClientExtensions
{
    public const string ClusterIdKey = "App:ClusterId";
    public const string ServiceIdKey = "App:ServiceId";
    /// <summary>Comma-separated <c>ip:port</c> gateways: static clustering (tests, fixed deployments).</summary>
    public const string GatewaysKey = "App:Gateways";
    /// <summary>PostgreSQL connection string: AdoNet clustering reads the live gateways from the membership table.</summary>
    public const string ConnectionStringKey = "App:ConnectionString";
    /// <summary>Gateway port for localhost clustering when neither of the above is set (default 30000).</summary>
    public const string GatewayPortKey = "App:GatewayPort";

    public const string DefaultId = "openwx";
    public const int DefaultGatewayPort = 30000;

    /// <summary>Refresh the gateway list often so a dead silo's gateway is dropped within seconds.</summary>
    public static readonly TimeSpan GatewayListRefreshPeriod = TimeSpan.FromSeconds(5);

    /// <summary>Above check_event's 10 s inbox waits and the grains' send retries, below Mojo's 120 s proxy timeout.</summary>
    public static readonly TimeSpan ResponseTimeout = TimeSpan.FromSeconds(35);

    public static IHostApplicationBuilder UseOpenWxOrleansClient(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var config = builder.Configuration;
        var clusterId = NonEmpty(config[ClusterIdKey]) ?? DefaultId;
        var serviceId = NonEmpty(config[ServiceIdKey]) ?? DefaultId;
        var gateways = NonEmpty(config[GatewaysKey]);
        var connectionString = NonEmpty(config[ConnectionStringKey]);
        var tls = config.GetSection(OrleansTlsOptions.Section).Get<OrleansTlsOptions>() ?? new OrleansTlsOptions();

        builder.UseOrleansClient(client =>
        {
            if (gateways is not null)
            {
                client.UseStaticClustering(ParseGateways(gateways));
            }
            else if (connectionString is not null)
            {
                client.UseAdoNetClustering(o =>
                {
                    o.Invariant = "Npgsql";
                    o.ConnectionString = connectionString;
                });
            }
            else
            {
                var port = config.GetValue(GatewayPortKey, DefaultGatewayPort);
                client.UseLocalhostClustering(port, serviceId, clusterId);
            }
            // Gateways found in PostgreSQL or listed are other hosts: TLS is on there unless disabled.
            client.UseOpenWxTls(tls, multiHost: gateways is not null || connectionString is not null);
            client.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = clusterId;
                o.ServiceId = serviceId;
            });
            client.Configure<GatewayOptions>(o => o.GatewayListRefreshPeriod = GatewayListRefreshPeriod);
            client.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = ResponseTimeout);
        });
        return builder;
    }

    public static IPEndPoint[] ParseGateways(string gateways)
    {
        var endpoints = new List<IPEndPoint>();
        foreach (var part in gateways.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!IPEndPoint.TryParse(part, out var endpoint) || endpoint.Port == 0)
            {
                throw new InvalidOperationException($"{GatewaysKey}: '{part}' is not an ip:port gateway address.");
            }
            endpoints.Add(endpoint);
        }
        return endpoints.Count > 0
            ? [.. endpoints]
            : throw new InvalidOperationException($"{GatewaysKey} lists no gateway.");
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
