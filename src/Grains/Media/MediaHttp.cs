using Microsoft.Extensions.DependencyInjection;
using OpenWxCluster.Grains.Webhooks;

namespace OpenWxCluster.Grains.Media;

/// <summary>The HTTP client media_url is fetched with: the webhooks' policy handler, the fetch's own timeout.</summary>
public static class MediaHttp
{
    public static IServiceCollection AddMediaHttpClient(this IServiceCollection services)
    {
        services.AddHttpClient(MediaFetchGrain.ClientName)
            .ConfigurePrimaryHttpMessageHandler(sp => WebhookHttp.PolicyHandler(sp.GetRequiredService<DestinationPolicy>()))
            .ConfigureHttpClient(c => c.Timeout = Timeout.InfiniteTimeSpan)
            // Request URLs may carry tokens.
            .RemoveAllLoggers();
        return services;
    }
}
