using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace OpenWxCluster.WebFront;

/// <summary>
/// Calls this process's own API over loopback HTTP (so the call takes the same route, filters and token check as
/// a client's), for poll_api redirects. The address is the server's own (wildcard hosts become 127.0.0.1) unless
/// given explicitly (a test whose silo and web front are separate hosts).
/// </summary>
public sealed class ApiLoopback : IApiLoopback, IDisposable
{
    private readonly HttpClient _http = new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false })
    {
        Timeout = TimeSpan.FromSeconds(60),
    };
    private readonly Func<Uri> _baseUri;
    private readonly IOptions<OpenWxApiOptions> _options;

    public ApiLoopback(IServer server, IOptions<OpenWxApiOptions> options)
        : this(() => OwnAddress(server), options)
    {
    }

    public ApiLoopback(Uri baseUri, IOptions<OpenWxApiOptions> options)
        : this(() => baseUri, options)
    {
    }

    private ApiLoopback(Func<Uri> baseUri, IOptions<OpenWxApiOptions> options)
    {
        _baseUri = baseUri;
        _options = options;
    }

    public async Task<int> GetAsync(string pathAndQuery, CancellationToken cancellation)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(_baseUri(), pathAndQuery));
        if (MessagingToken(_options.Value) is { } token)
        {
            request.Headers.Add(ApiCredentials.TokenHeader, token);
        }
        using var response = await _http.SendAsync(request, cancellation);
        return (int)response.StatusCode;
    }

    public void Dispose() => _http.Dispose();

    /// <summary>
    /// The messaging credential: a poll_api redirect reaches the messaging routes, not the controller's, unless the
    /// admin token is the only one configured.
    /// </summary>
    private static string? MessagingToken(OpenWxApiOptions options) =>
        options.ApiToken is { Length: > 0 } api ? api : options.AdminToken is { Length: > 0 } admin ? admin : null;

    /// <summary>This server's own http address as a loopback client reaches it (wildcard hosts become 127.0.0.1).</summary>
    public static Uri OwnAddress(IServer server)
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var address = addresses.FirstOrDefault(a => a.StartsWith("http://", StringComparison.Ordinal)) ?? addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("the server listens nowhere");
        var uri = new Uri(address.Replace("://+", "://127.0.0.1", StringComparison.Ordinal).Replace("://*", "://127.0.0.1", StringComparison.Ordinal));
        var host = uri.Host is "0.0.0.0" or "[::]" or "::" ? "127.0.0.1" : uri.Host;
        return new UriBuilder(uri) { Host = host, Path = "/" }.Uri;
    }
}
