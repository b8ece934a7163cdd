using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenWxCluster.QqProtocol.Http;

namespace OpenWxCluster.QqProtocol.Hosting;

/// <summary>
/// Makes <see cref="OneBotHttpClient"/>s over the named HttpClient: the endpoint and token per account, timeouts and
/// read retries from the host's <see cref="OneBotOptions"/>.
/// </summary>
public sealed class OneBotClientFactory(
    IHttpClientFactory http, IOptions<OneBotOptions> defaults, ILogger<OneBotHttpClient>? logger = null) : IOneBotClientFactory
{
    public IOneBotClient Create(string baseUrl, string accessToken)
    {
        var d = defaults.Value;
        var options = new OneBotOptions
        {
            BaseUrl = baseUrl,
            AccessToken = accessToken,
            RequestTimeout = d.RequestTimeout,
            ReadRetries = d.ReadRetries,
            ReadRetryDelay = d.ReadRetryDelay,
        };
        return new OneBotHttpClient(
            http.CreateClient(QqProtocolServiceCollectionExtensions.HttpClientName), Options.Create(options), logger);
    }
}
