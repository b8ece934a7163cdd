using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace OpenWxCluster.WebFront.Tests;

public sealed class HostingTests
{
    private static IServiceProvider Api(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddOpenWxApi(configuration).AddOpenWxApi(configuration).BuildServiceProvider();
    }

    [Fact]
    public void Api_options_default_to_mojos_values()
    {
        var options = Api([]).GetRequiredService<IOptions<OpenWxApiOptions>>().Value;

        Assert.Equal(TimeSpan.FromSeconds(30), options.CheckEventHold);
        Assert.Equal(TimeSpan.FromSeconds(10), options.InboxPollWait);
        Assert.Equal("default", options.DefaultClient);
        Assert.Null(options.ApiToken);
    }

    [Fact]
    public void Api_options_bind_from_app_api()
    {
        var options = Api(new()
        {
            ["App:Api:CheckEventHold"] = "00:00:20",
            ["App:Api:InboxPollWait"] = "00:00:05",
            ["App:Api:DefaultClient"] = "main",
            ["App:Api:ApiToken"] = "t",
        }).GetRequiredService<IOptions<OpenWxApiOptions>>().Value;

        Assert.Equal(TimeSpan.FromSeconds(20), options.CheckEventHold);
        Assert.Equal(TimeSpan.FromSeconds(5), options.InboxPollWait);
        Assert.Equal("main", options.DefaultClient);
        Assert.Equal("t", options.ApiToken);
    }

    [Theory]
    [InlineData("App:Api:InboxPollWait", "00:00:11")]
    [InlineData("App:Api:CheckEventHold", "00:00:00")]
    [InlineData("App:Api:DefaultClient", "a/b")]
    public void Bad_api_options_are_refused(string key, string value)
    {
        var provider = Api(new() { [key] = value });

        Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<OpenWxApiOptions>>().Value);
    }

    private static IServiceProvider Client(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.UseOpenWxOrleansClient();
        return builder.Build().Services;
    }

    [Fact]
    public void Orleans_client_uses_static_gateways_and_fast_failover_settings()
    {
        var services = Client(new()
        {
            ["App:Gateways"] = "127.0.0.1:30000, 127.0.0.1:30001",
            ["App:ClusterId"] = "c1",
            ["App:ServiceId"] = "s1",
            ["App:Tls:Mode"] = "off",
        });

        var gateways = services.GetRequiredService<IOptions<StaticGatewayListProviderOptions>>().Value.Gateways;
        Assert.Equal(2, gateways.Count);
        var cluster = services.GetRequiredService<IOptions<ClusterOptions>>().Value;
        Assert.Equal(("c1", "s1"), (cluster.ClusterId, cluster.ServiceId));
        Assert.Equal(TimeSpan.FromSeconds(5), services.GetRequiredService<IOptions<GatewayOptions>>().Value.GatewayListRefreshPeriod);
        Assert.Equal(TimeSpan.FromSeconds(35), services.GetRequiredService<IOptions<ClientMessagingOptions>>().Value.ResponseTimeout);
    }

    [Fact]
    public void Orleans_client_defaults_to_localhost_clustering_with_openwx_ids()
    {
        var services = Client(new() { ["App:GatewayPort"] = "30123" });

        var gateways = services.GetRequiredService<IOptions<StaticGatewayListProviderOptions>>().Value.Gateways;
        Assert.Contains(gateways, g => g.Port == 30123);
        var cluster = services.GetRequiredService<IOptions<ClusterOptions>>().Value;
        Assert.Equal(("openwx", "openwx"), (cluster.ClusterId, cluster.ServiceId));
    }

    [Fact]
    public void Orleans_client_uses_adonet_clustering_with_a_connection_string()
    {
        var services = Client(new() { ["App:ConnectionString"] = "Host=127.0.0.1;Database=x", ["App:Tls:Mode"] = "off" });

        var adoNet = services.GetRequiredService<IOptions<AdoNetClusteringClientOptions>>().Value;
        Assert.Equal("Npgsql", adoNet.Invariant);
        Assert.Equal("Host=127.0.0.1;Database=x", adoNet.ConnectionString);
    }

    [Theory]
    [InlineData("App:Gateways", "127.0.0.1:30000")]
    [InlineData("App:ConnectionString", "Host=127.0.0.1;Database=x")]
    public void Orleans_client_of_a_multi_host_cluster_needs_its_certificate_unless_tls_is_off(string key, string value)
    {
        var error = Assert.Throws<InvalidOperationException>(() => Client(new() { [key] = value }));

        Assert.Contains("App:Tls:CertificatePath", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("silo1:30000")]
    [InlineData("127.0.0.1")]
    [InlineData(" , ")]
    public void Bad_gateway_lists_are_refused(string gateways)
    {
        Assert.Throws<InvalidOperationException>(() => OrleansClientExtensions.ParseGateways(gateways));
    }

    [Fact]
    public void Gateway_list_is_parsed()
    {
        Assert.Equal(
            [IPEndPoint.Parse("127.0.0.1:30000"), IPEndPoint.Parse("10.0.0.2:30001")],
            OrleansClientExtensions.ParseGateways("127.0.0.1:30000,10.0.0.2:30001"));
    }
}
