using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OpenWxCluster.Protocol.Hosting;
using OpenWxCluster.Protocol.Web;

namespace OpenWxCluster.Protocol.Tests.Driver;

public sealed class HostingTests
{
    [Fact]
    public void AddWebWxProtocol_registers_one_driver_over_a_cookieless_non_redirecting_handler()
    {
        using var provider = new ServiceCollection()
            .AddWebWxProtocol(o => o.LoopbackBaseUrl = "http://127.0.0.1:5800")
            .BuildServiceProvider();

        var driver = provider.GetRequiredService<IWxProtocolDriver>();
        Assert.IsType<WebWxDriver>(driver);
        Assert.Same(driver, provider.GetRequiredService<IWxProtocolDriver>());
        Assert.Same(driver, provider.GetRequiredService<IWxMediaDriver>());
        Assert.Same(driver, provider.GetRequiredService<IWxChatAdminDriver>());
        Assert.Equal("http://127.0.0.1:5800", provider.GetRequiredService<IOptions<WebWxOptions>>().Value.LoopbackBaseUrl);

        var handler = provider.GetRequiredService<IHttpMessageHandlerFactory>().CreateHandler(ProtocolServiceCollectionExtensions.HttpClientName);
        while (handler is DelegatingHandler delegating)
        {
            handler = delegating.InnerHandler!;
        }

        var sockets = Assert.IsType<SocketsHttpHandler>(handler);
        Assert.False(sockets.UseCookies);
        Assert.False(sockets.AllowAutoRedirect);
        Assert.Equal(DecompressionMethods.All, sockets.AutomaticDecompression);
        Assert.Equal(TimeSpan.FromMinutes(5), sockets.PooledConnectionLifetime);
    }

    [Fact]
    public void AddWebWxProtocol_binds_configuration()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["WebWx:LoopbackBaseUrl"] = "http://127.0.0.1:9999",
                ["WebWx:RequestTimeout"] = "00:00:10",
                ["WebWx:UserAgent"] = "UA-test",
            })
            .Build();
        using var provider = new ServiceCollection()
            .AddWebWxProtocol(configuration.GetSection(WebWxOptions.SectionName))
            .BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<WebWxOptions>>().Value;
        Assert.Equal("http://127.0.0.1:9999", options.LoopbackBaseUrl);
        Assert.Equal(TimeSpan.FromSeconds(10), options.RequestTimeout);
        Assert.Equal("UA-test", options.UserAgent);
        Assert.Equal(TimeSpan.FromSeconds(40), options.LongPollTimeout);
    }
}
