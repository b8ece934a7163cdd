using System.Net;

namespace OpenWxCluster.WebFront.Tests.Hardening;

/// <summary>Guessing the admin token: a bucket of wrong logins per address (App:Api:AdminLogin).</summary>
public sealed class AdminLoginLimitTests
{
    private const string Token = "admin-login-limit-token";

    [Fact]
    public async Task After_the_allowed_wrong_logins_even_the_right_token_is_refused()
    {
        // A long window: no refill falls between these requests.
        await using var host = await ApiHost.StartAsync(Settings(failures: 3, window: "00:10:00"));

        // Right logins take nothing from the bucket.
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.Redirect, (await LogInAsync(host, Token)).Status);
        }
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await LogInAsync(host, "guess" + i)).Status);
        }

        var locked = await LogInAsync(host, "guess3");
        Assert.Equal(HttpStatusCode.TooManyRequests, locked.Status);
        Assert.Equal(200, locked.RetryAfter); // one failure refills every 10 min / 3
        var right = await LogInAsync(host, Token);
        Assert.Equal(HttpStatusCode.TooManyRequests, right.Status);
        Assert.Null(right.Cookie);
    }

    [Fact]
    public async Task A_lockout_holds_while_less_than_one_wrong_login_has_refilled()
    {
        // One failure refills every 200 s; the limiter's own refill ticks every 100 ms, each adding a sliver of a token.
        await using var host = await ApiHost.StartAsync(Settings(failures: 3, window: "00:10:00"));
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await LogInAsync(host, "guess" + i)).Status);
        }

        // Across many refill ticks, no sliver may unlock the address: every try is refused until a whole one is back.
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(1);
        var tries = 0;
        do
        {
            await Task.Delay(50);
            Assert.Equal(HttpStatusCode.TooManyRequests, (await LogInAsync(host, ++tries % 2 == 0 ? Token : "guess")).Status);
        }
        while (DateTime.UtcNow < until);
    }

    [Fact]
    public async Task A_locked_out_address_can_log_in_again_once_the_bucket_refills()
    {
        await using var host = await ApiHost.StartAsync(Settings(failures: 2, window: "00:00:02"));
        var guesses = 0;
        while ((await LogInAsync(host, "guess" + guesses)).Status != HttpStatusCode.TooManyRequests)
        {
            Assert.True(++guesses < 50, "wrong logins were never refused with 429");
        }

        // A failure's worth refills every second: the right token works again (waited for, not timed).
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        (HttpStatusCode Status, string? Cookie, int? RetryAfter) again;
        do
        {
            await Task.Delay(100);
            again = await LogInAsync(host, Token);
        }
        while (again.Status == HttpStatusCode.TooManyRequests && DateTime.UtcNow < deadline);
        Assert.Equal(HttpStatusCode.Redirect, again.Status);
        Assert.NotNull(again.Cookie);
    }

    [Fact]
    public async Task With_the_limit_off_wrong_logins_are_only_refused_as_wrong()
    {
        await using var host = await ApiHost.StartAsync(Settings(failures: 0, window: "00:10:00"));
        for (var i = 0; i < 30; i++)
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await LogInAsync(host, "guess" + i)).Status);
        }
        Assert.Equal(HttpStatusCode.Redirect, (await LogInAsync(host, Token)).Status);
    }

    private static Dictionary<string, string?> Settings(int failures, string window) => new()
    {
        ["App:Api:AdminToken"] = Token,
        ["App:Api:AdminLogin:Failures"] = failures.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["App:Api:AdminLogin:Window"] = window,
    };

    private static async Task<(HttpStatusCode Status, string? Cookie, int? RetryAfter)> LogInAsync(ApiHost host, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/admin/login")
        {
            Content = new FormUrlEncodedContent([KeyValuePair.Create("token", token)]),
        };
        request.Headers.Add("Origin", host.Client.BaseAddress!.GetLeftPart(UriPartial.Authority));
        using var response = await host.Client.SendAsync(request);
        var cookie = response.Headers.TryGetValues("Set-Cookie", out var values) ? values.FirstOrDefault() : null;
        var retryAfter = response.Headers.RetryAfter?.Delta is { } delta ? (int?)delta.TotalSeconds : null;
        return (response.StatusCode, cookie, retryAfter);
    }
}
