using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenWxCluster.QqProtocol.Http;

namespace OpenWxCluster.QqProtocol.Hosting;

/// <summary>
/// Registers <see cref="OneBotHttpClient"/> as the singleton <see cref="IOneBotClient"/> over a named HttpClient, and
/// <see cref="IOneBotClientFactory"/> for hosts with one implementation per account.
/// </summary>
public static class QqProtocolServiceCollectionExtensions
{
    /// <summary>The named client behind the driver.</summary>
    public const string HttpClientName = "OpenWxCluster.OneBot";

    public static IServiceCollection AddOneBotProtocol(this IServiceCollection services, Action<OneBotOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<OneBotOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        return AddCore(services);
    }

    /// <summary>Binds <see cref="OneBotOptions"/> from <paramref name="configuration"/> (pass the <c>OneBot</c> section).</summary>
    public static IServiceCollection AddOneBotProtocol(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<OneBotOptions>().Bind(configuration);
        return AddCore(services);
    }

    private static IServiceCollection AddCore(IServiceCollection services)
    {
        // The driver applies its own per-attempt timeout and read-only retries, so the client itself never times out.
        services.AddHttpClient(HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan);
        services.AddSingleton<OneBotHttpClient>(sp => new OneBotHttpClient(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName),
            sp.GetRequiredService<IOptions<OneBotOptions>>(),
            sp.GetService<ILogger<OneBotHttpClient>>()));
        services.AddSingleton<IOneBotClient>(sp => sp.GetRequiredService<OneBotHttpClient>());
        services.AddSingleton<IOneBotClientFactory, OneBotClientFactory>();
        return services;
    }
}
