using Microsoft.Extensions.Options;
using OpenWxCluster.QqProtocol.Http;

namespace OpenWxCluster.QqProtocol.Tests.Support;

/// <summary>Driver instances pointed at a stub, with a near-zero retry delay so retries don't slow the suite.</summary>
public static class Clients
{
    public static OneBotHttpClient For(OneBotStub stub, string? token = OneBotStub.Token, int readRetries = 2) =>
        new(new HttpClient(), Options.Create(new OneBotOptions
        {
            BaseUrl = stub.BaseUrl + "/",
            AccessToken = token ?? "",
            ReadRetries = readRetries,
            ReadRetryDelay = TimeSpan.FromMilliseconds(1),
        }));
}
