using System.Net;

namespace OpenWxCluster.Cluster.Tests.Console;

/// <summary>The console's guards as a plain HTTP client sees them: session cookie, login refusals, the CSRF origin check.</summary>
public sealed class AdminConsoleHttpTests(ConsoleFixture fixture) : IClassFixture<ConsoleFixture>
{
    [Fact]
    public async Task Without_a_valid_session_pages_redirect_to_the_login_and_the_JSON_answers_401()
    {
        using var http = Client();
        using var page = await http.GetAsync("admin/");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal("/admin/login", page.Headers.Location?.OriginalString);

        using var json = await http.GetAsync("admin/api/accounts");
        Assert.Equal(HttpStatusCode.Unauthorized, json.StatusCode);

        // A made-up ticket (far expiry, wrong MAC) is no session.
        using var forged = new HttpRequestMessage(HttpMethod.Get, "admin/api/accounts");
        forged.Headers.Add("Cookie", "openwx_admin=9999999999.00");
        using var refused = await http.SendAsync(forged);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Fact]
    public async Task A_login_and_a_start_posted_from_another_origin_are_refused_and_start_nothing()
    {
        using var http = Client();
        using var crossLogin = await http.SendAsync(Post("admin/login", "http://evil.example", ("token", ConsoleFixture.AdminToken)));
        Assert.Equal(HttpStatusCode.Forbidden, crossLogin.StatusCode);
        Assert.False(crossLogin.Headers.Contains("Set-Cookie"));

        var cookie = await LogInAsync(http);
        var account = fixture.Cluster.Cluster.Client.GetAccount(AccountKey.WeChatClient("csrf"));
        foreach (var origin in new[] { "http://evil.example", null })
        {
            var start = Post("admin/start/wx", origin, ("client", "csrf"));
            start.Headers.Add("Cookie", cookie);
            using var refused = await http.SendAsync(start);
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }
        Assert.False((await account.GetStatusAsync()).IsStarted);

        // The same form from the console's own origin starts it: the origin was the only difference.
        var own = Post("admin/start/wx", Origin, ("client", "csrf"));
        own.Headers.Add("Cookie", cookie);
        using var started = await http.SendAsync(own);
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        Assert.True((await account.GetStatusAsync()).IsStarted);
        await account.StopAsync();
    }

    [Fact]
    public async Task The_console_shows_a_webhook_destination_without_its_query_or_signing_secret()
    {
        using var http = Client();
        var start = await http.GetAsync(
            $"openwx/start_client?client=hooked&token={ConsoleFixture.AdminToken}&post_api=" + Uri.EscapeDataString("http://127.0.0.1:9/hook?key=QUERYSECRET")
            + "&post_secret=SIGNINGSECRET");
        Assert.Equal(HttpStatusCode.OK, start.StatusCode);
        var cookie = await LogInAsync(http);
        try
        {
            foreach (var path in new[] { "admin/api/accounts", "admin/accounts/wx/hooked" })
            {
                var request = new HttpRequestMessage(HttpMethod.Get, path);
                request.Headers.Add("Cookie", cookie);
                using var reply = await http.SendAsync(request);
                var text = await reply.Content.ReadAsStringAsync();
                Assert.Equal(HttpStatusCode.OK, reply.StatusCode);
                Assert.Contains("http://127.0.0.1:9/hook", text, StringComparison.Ordinal);
                Assert.DoesNotContain("QUERYSECRET", text, StringComparison.Ordinal);
                Assert.DoesNotContain("SIGNINGSECRET", text, StringComparison.Ordinal);
                Assert.DoesNotContain(ConsoleFixture.AdminToken, text, StringComparison.Ordinal);
            }
        }
        finally
        {
            await fixture.Cluster.Cluster.Client.GetAccount(AccountKey.WeChatClient("hooked")).StopAsync();
        }
    }

    private string Origin => fixture.BaseUri.GetLeftPart(UriPartial.Authority);

    private HttpClient Client() =>
        new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = fixture.BaseUri };

    private async Task<string> LogInAsync(HttpClient http)
    {
        using var login = await http.SendAsync(Post("admin/login", Origin, ("token", ConsoleFixture.AdminToken)));
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        var setCookie = Assert.Single(login.Headers.GetValues("Set-Cookie"));
        Assert.Contains("httponly", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", setCookie, StringComparison.OrdinalIgnoreCase);
        return setCookie[..setCookie.IndexOf(';', StringComparison.Ordinal)];
    }

    private static HttpRequestMessage Post(string path, string? origin, params (string Name, string Value)[] form)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new FormUrlEncodedContent(form.Select(f => KeyValuePair.Create(f.Name, f.Value))),
        };
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }
        return request;
    }
}
