using PuppeteerSharp;
using OpenWxCluster.TestKit;

namespace OpenWxCluster.Cluster.Tests.Console;

/// <summary>
/// The admin console driven in a real headless Chromium: log in, start a WeChat account, the QR appearing, the
/// emulator's phone scanning that very image, the row turning running without a reload, an event's text shown
/// escaped, stop. Waits are on page conditions (WaitForFunction), never sleeps.
/// </summary>
public sealed class AdminConsoleBrowserTests(ConsoleFixture fixture) : IClassFixture<ConsoleFixture>
{
    private const int WaitMs = 30_000;
    private static readonly WaitForFunctionOptions Wait = new() { Timeout = WaitMs, PollingInterval = 100 };

    [Fact]
    public async Task An_admin_logs_in_starts_an_account_sees_its_QR_scanned_into_running_without_a_reload_and_stops_it()
    {
        var world = fixture.Cluster.Emulator.World;
        var bot = world.CreateAccountWithFriend("console", "ConsolePal");
        await using var page = await fixture.Browser.NewPageAsync();

        await page.GoToAsync(Url("admin/"));
        Assert.EndsWith("/admin/login", page.Url, StringComparison.Ordinal);
        await LogInAsync(page, ConsoleFixture.AdminToken);
        Assert.EndsWith("/admin/", page.Url, StringComparison.Ordinal);
        var cookie = Assert.Single(await page.GetCookiesAsync(), c => c.Name == "openwx_admin");
        Assert.True(cookie.HttpOnly);
        Assert.Equal(SameSite.Strict, cookie.SameSite);
        Assert.DoesNotContain(ConsoleFixture.AdminToken, cookie.Value, StringComparison.Ordinal);

        await page.TypeAsync("#wx-client", "console");
        await SubmitAsync(page, "#start-wx button");
        Assert.Contains("console: success", await page.EvaluateExpressionAsync<string>("document.getElementById('notice').textContent"), StringComparison.Ordinal);
        // From here on the page is never reloaded: the marker would be gone.
        await page.EvaluateExpressionAsync("window.__stayed = 'yes'");

        await page.WaitForFunctionAsync(
            "() => { const img = document.querySelector(\"tr[data-key='wx/console'] img.qr\"); return img && img.complete && img.naturalWidth > 0; }", Wait);
        // The phone scans the very image the page shows.
        var qr = Convert.FromBase64String(await page.EvaluateFunctionAsync<string>(
            """
            async () => {
              const img = document.querySelector("tr[data-key='wx/console'] img.qr");
              const bytes = new Uint8Array(await (await fetch(img.src)).arrayBuffer());
              let text = '';
              for (const b of bytes) text += String.fromCharCode(b);
              return btoa(text);
            }
            """));
        var pending = world.ScanImage(qr, bot);
        await WaitForStateAsync(page, "confirming");
        world.Confirm(pending.Uuid);
        await WaitForStateAsync(page, "running");
        await page.WaitForFunctionAsync("() => !document.querySelector(\"tr[data-key='wx/console'] img.qr\")", Wait);

        var json = await page.EvaluateFunctionAsync<string>("async () => (await fetch('/admin/api/accounts')).text()");
        Assert.Contains("\"key\":\"wx/console\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain(ConsoleFixture.AdminToken, json, StringComparison.Ordinal);
        Assert.DoesNotContain(ConsoleFixture.AdminToken, await page.GetContentAsync(), StringComparison.Ordinal);

        // A message whose text is markup: counted on the list, shown as text on the account's page.
        const string markup = "<script>window.__xss = 1</script><b>bold</b>";
        world.SendText("console_pal", bot, markup);
        await page.WaitForFunctionAsync(
            "() => document.querySelector(\"tr[data-key='wx/console'] td.messages\")?.textContent === '1/0' && window.__stayed === 'yes'", Wait);
        await page.GoToAsync(Url("admin/accounts/wx/console"));
        var shown = await page.EvaluateExpressionAsync<string[]>("[...document.querySelectorAll('#events td.text')].map(td => td.textContent)");
        Assert.Single(shown, t => t == markup);
        Assert.Equal(0, await page.EvaluateExpressionAsync<int>("document.querySelectorAll('#events td.text b, #events td.text script').length"));
        Assert.True(await page.EvaluateExpressionAsync<bool>("window.__xss === undefined"));

        await page.GoToAsync(Url("admin/"));
        await SubmitAsync(page, "tr[data-key='wx/console'] button.stop");
        Assert.Contains("console: success", await page.EvaluateExpressionAsync<string>("document.getElementById('notice').textContent"), StringComparison.Ordinal);
        var status = await fixture.Cluster.Cluster.Client.GetAccount(AccountKey.WeChatClient("console")).GetStatusAsync();
        Assert.Equal(ClientState.Stop, status.State);
    }

    [Fact]
    public async Task A_wrong_token_is_refused_and_leaves_no_session()
    {
        await using var page = await fixture.Browser.NewPageAsync();
        await page.GoToAsync(Url("admin/login"));
        await LogInAsync(page, "not-the-admin-token");
        Assert.Equal("wrong token", await page.EvaluateExpressionAsync<string>("document.getElementById('login-error').textContent"));
        Assert.DoesNotContain(await page.GetCookiesAsync(), c => c.Name == "openwx_admin");
        Assert.Equal(401, await page.EvaluateFunctionAsync<int>("async () => (await fetch('/admin/api/accounts')).status"));
    }

    private Uri UrlOf(string path) => new(fixture.BaseUri, path);

    private string Url(string path) => UrlOf(path).ToString();

    private static async Task LogInAsync(IPage page, string token)
    {
        await page.TypeAsync("#token", token);
        await SubmitAsync(page, "#login button");
    }

    private static async Task SubmitAsync(IPage page, string button)
    {
        var navigated = page.WaitForNavigationAsync(new NavigationOptions { Timeout = WaitMs });
        await page.ClickAsync(button);
        await navigated;
    }

    private static Task WaitForStateAsync(IPage page, string state) =>
        page.WaitForFunctionAsync(
            $"() => document.querySelector(\"tr[data-key='wx/console'] td.state\")?.textContent === '{state}' && window.__stayed === 'yes'", Wait);
}
