using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OpenWxCluster.Grains.Common;
using OpenWxCluster.Grains.Options;
using OpenWxCluster.Grains.Webhooks;

namespace OpenWxCluster.Grains.Media;

/// <summary>
/// Fetches a media_url with the webhooks' destination policy (checked on the URL, on its resolved addresses and
/// again on the addresses dialled; redirects are not followed), reading at most <see cref="MediaLimits.MaxBytes"/>.
/// A stateless worker, so a slow server holds neither an account grain nor other fetches.
/// </summary>
[StatelessWorker]
public sealed class MediaFetchGrain(DestinationPolicy policy, IHttpClientFactory clients, IOptions<MediaOptions> options)
    : Grain, IMediaFetchGrain
{
    public const string ClientName = "openwx-media";

    public async Task<MediaFetchResult> FetchAsync(string url)
    {
        using var timeout = new CancellationTokenSource(options.Value.UrlTimeout);
        if (await policy.CheckAsync(url, timeout.Token) is { } refused)
        {
            return Failed(MediaFetchError.Refused, $"media_url {refused}");
        }
        try
        {
            var http = clients.CreateClient(ClientName);
            using var response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            if (!response.IsSuccessStatusCode)
            {
                return Failed(MediaFetchError.Unreachable, $"media_url answered HTTP {(int)response.StatusCode}");
            }
            var data = await BoundedRead.ReadAsync(response.Content, MediaLimits.MaxBytes, timeout.Token);
            if (data is null)
            {
                return Failed(MediaFetchError.TooLarge, MediaLimits.TooLarge);
            }
            // octet-stream says nothing: the name's extension or the bytes decide instead.
            var mime = response.Content.Headers.ContentType?.MediaType is { } type && type != "application/octet-stream" ? type : null;
            return new MediaFetchResult(new MediaUpload(data, NameOf(url), mime, null), MediaFetchError.None, "success");
        }
        catch (OperationCanceledException)
        {
            return Failed(MediaFetchError.Unreachable, "media_url unreachable: timed out");
        }
        catch (HttpRequestException e)
        {
            return Failed(MediaFetchError.Unreachable, $"media_url unreachable: {Describe(e.HttpRequestError)}");
        }
    }

    private static MediaFetchResult Failed(MediaFetchError error, string status) => new(null, error, status);

    private static string Describe(HttpRequestError error) => error switch
    {
        HttpRequestError.NameResolutionError => "host does not resolve",
        HttpRequestError.ConnectionError => "connection failed",
        HttpRequestError.SecureConnectionError => "TLS failed",
        _ => "transfer failed",
    };

    /// <summary>The URL path's last segment, e.g. <c>photo.png</c>; <c>media</c> when there is none.</summary>
    private static string NameOf(string url)
    {
        var name = Path.GetFileName(Uri.UnescapeDataString(new Uri(url).AbsolutePath));
        return string.IsNullOrWhiteSpace(name) ? "media" : name;
    }
}
