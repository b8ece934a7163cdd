using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;

namespace OpenWxCluster.Grains.Webhooks;

/// <summary>
/// The HTTP client webhooks are posted with: no redirects (a redirect could lead past the destination policy), and
/// a connect callback that applies the policy to the addresses actually dialled.
/// </summary>
public static class WebhookHttp
{
    public static IServiceCollection AddWebhookHttpClient(this IServiceCollection services)
    {
        services.AddHttpClient(WebhookTransport.ClientName)
            .ConfigurePrimaryHttpMessageHandler(sp => PolicyHandler(sp.GetRequiredService<DestinationPolicy>()))
            // Delivery is retried by the grain; the default HttpClient timeout would only cut long outages short.
            .ConfigureHttpClient(c => c.Timeout = Timeout.InfiniteTimeSpan)
            // The factory's logging handlers write request URLs, whose query may hold a receiver's token.
            .RemoveAllLoggers();
        return services;
    }

    /// <summary>
    /// A handler that dials only addresses the policy allows and follows no redirect; also used to fetch media_url
    /// (the same rules as webhooks).
    /// </summary>
    public static SocketsHttpHandler PolicyHandler(DestinationPolicy policy) => new()
    {
        AllowAutoRedirect = false,
        UseCookies = false,
        ConnectTimeout = TimeSpan.FromSeconds(10),
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        ConnectCallback = (context, cancellation) => ConnectAsync(policy, context.DnsEndPoint, cancellation),
    };

    private static async ValueTask<Stream> ConnectAsync(DestinationPolicy policy, DnsEndPoint endpoint, CancellationToken cancellation)
    {
        var addresses = IPAddress.TryParse(endpoint.Host, out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(endpoint.Host, cancellation);
        var allowed = addresses.Where(a => policy.Refusal(a, endpoint.Host) is null).ToArray();
        if (allowed.Length == 0)
        {
            throw new HttpRequestException(HttpRequestError.ConnectionError, "destination refused by the webhook policy");
        }
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed, endpoint.Port, cancellation);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
