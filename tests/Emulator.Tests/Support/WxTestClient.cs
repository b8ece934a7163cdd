using System.Net;
using System.Text;
using System.Text.Json;

namespace OpenWxCluster.Emulator.Tests.Support;

/// <summary>
/// A deliberately plain web WeChat client for tests: one HttpClient, its own cookie jar, no redirects followed, and
/// every request addressed to an upstream host through X-Upstream-Host (the loopback contract).
/// </summary>
internal sealed class WxTestClient : IDisposable
{
    public const string LoginHost = "login.wx.qq.com";
    public const string QrHost = "login.weixin.qq.com";
    public const string MainHost = "wx2.qq.com";
    public const string PushHost = "webpush.wx2.qq.com";

    private readonly HttpClient _http;

    public WxTestClient(Uri baseUri)
    {
        _http = new HttpClient(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false })
        {
            BaseAddress = baseUri,
            Timeout = TimeSpan.FromSeconds(60),
        };
    }

    /// <summary>Cookies set by the emulator (name → value), sent back on every request.</summary>
    public Dictionary<string, string> Cookies { get; } = new(StringComparer.Ordinal);

    /// <summary>Raw Set-Cookie headers seen, to check attributes such as Domain.</summary>
    public List<string> SetCookieHeaders { get; } = [];

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string host, string pathAndQuery, HttpContent? content = null, CancellationToken ct = default)
    {
        using var request = new HttpRequestMessage(method, pathAndQuery.TrimStart('/')) { Content = content };
        request.Headers.Add("X-Upstream-Host", host);
        if (Cookies.Count > 0)
        {
            request.Headers.Add("Cookie", string.Join("; ", Cookies.Select(c => $"{c.Key}={c.Value}")));
        }

        var response = await _http.SendAsync(request, ct);
        if (response.Headers.TryGetValues("Set-Cookie", out var setCookies))
        {
            foreach (var header in setCookies)
            {
                SetCookieHeaders.Add(header);
                var pair = header.Split(';')[0];
                var eq = pair.IndexOf('=');
                Cookies[pair[..eq]] = pair[(eq + 1)..];
            }
        }

        return response;
    }

    public async Task<string> GetTextAsync(string host, string pathAndQuery, CancellationToken ct = default)
    {
        using var response = await SendAsync(HttpMethod.Get, host, pathAndQuery, null, ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync(ct);
    }

    public async Task<JsonElement> GetJsonAsync(string host, string pathAndQuery)
    {
        var text = await GetTextAsync(host, pathAndQuery);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public async Task<JsonElement> PostJsonAsync(string host, string pathAndQuery, object body)
    {
        using var content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");
        using var response = await SendAsync(HttpMethod.Post, host, pathAndQuery, content);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public void Dispose() => _http.Dispose();
}
