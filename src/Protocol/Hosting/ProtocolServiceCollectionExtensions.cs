using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenWxCluster.Protocol.Web;

namespace OpenWxCluster.Protocol.Hosting;

/// <summary>
/// Registers <see cref="WebWxDriver"/> as one singleton over one shared HttpClient, exposed as
/// <see cref="IWxProtocolDriver"/>, <see cref="IWxMediaDriver"/> and <see cref="IWxChatAdminDriver"/>.
/// </summary>
public static class ProtocolServiceCollectionExtensions
{
    /// <summary>The named client behind the driver.</summary>
    public const string HttpClientName = "OpenWxCluster.WebWx";

    public static IServiceCollection AddWebWxProtocol(this IServiceCollection services, Action<WebWxOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<WebWxOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        return AddCore(services);
    }

    /// <summary>Binds <see cref="WebWxOptions"/> from <paramref name="configuration"/> (pass the <c>WebWx</c> section).</summary>
    public static IServiceCollection AddWebWxProtocol(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<WebWxOptions>().Bind(configuration);
        return AddCore(services);
    }

    private static IServiceCollection AddCore(IServiceCollection services)
    {
        services.AddHttpClient(HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(sp => new SocketsHttpHandler
            {
                // Cookies belong to accounts, not to the process: the driver sends and merges them per session.
                UseCookies = false,
                // newloginpage answers 301 with the body we need; following it would lose the body.
                AllowAutoRedirect = false,
                AutomaticDecompression = DecompressionMethods.All,
                PooledConnectionLifetime = sp.GetRequiredService<IOptions<WebWxOptions>>().Value.PooledConnectionLifetime,
                MaxConnectionsPerServer = int.MaxValue,
            })
            // The singleton keeps its client forever; PooledConnectionLifetime handles DNS refresh instead of rotation.
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan);

        services.AddSingleton<WebWxDriver>(sp => new WebWxDriver(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName),
            sp.GetRequiredService<IOptions<WebWxOptions>>(),
            sp.GetService<ILogger<WebWxDriver>>()));
        services.AddSingleton<IWxProtocolDriver>(sp => sp.GetRequiredService<WebWxDriver>());
        services.AddSingleton<IWxMediaDriver>(sp => sp.GetRequiredService<WebWxDriver>());
        services.AddSingleton<IWxChatAdminDriver>(sp => sp.GetRequiredService<WebWxDriver>());
        return services;
    }
}
