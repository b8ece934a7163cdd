using System.Net;
using System.Text.Json;
using OpenWxCluster.Emulator.Control;
using OpenWxCluster.TestKit;

namespace OpenWxCluster.Cluster.Tests.Console;

/// <summary>
/// The console's relogin button for a WeChat account and its uptime, judged from the emulator (logout, a new QR,
/// a new session) and from the console's own JSON.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ConsoleReloginTests(ClusterFixture fixture)
{
    private readonly OpenWxHttpApi _api = new(fixture.Http);

    [Fact]
    public async Task Relogin_logs_a_running_WeChat_account_out_shows_a_new_qr_and_it_runs_again_after_the_scan()
    {
        var world = fixture.Emulator.World;
        world.CreateUser(new CreateUserRequest { Wxid = "again_bot", NickName = "Again" });
        var (_, firstQr) = await _api.LoginWithQrAsync(world, "again", "again_bot");
        var first = world.GetSession("again_bot")!;
        var runningSince = (await Account("again").GetStatusAsync()).RunningSince;
        Assert.NotNull(runningSince);

        using var relogin = await PostAsync("admin/accounts/wx/again/relogin");
        Assert.Equal(HttpStatusCode.Redirect, relogin.StatusCode);
        Assert.Contains("success", Uri.UnescapeDataString(relogin.Headers.Location!.OriginalString), StringComparison.Ordinal);

        var newQr = await _api.WaitForNewQrAsync("again", firstQr);
        Assert.True(world.GetLatestSession("again_bot")!.LoggedOut, "the old session was not logged out upstream");
        Assert.Null((await Account("again").GetStatusAsync()).RunningSince);
        Assert.Equal("", (await ConsoleEntryAsync("wx/again")).GetProperty("uptime").GetString());

        await _api.ScanAndConfirmAsync(world, "again", "again_bot", newQr);
        Assert.True(world.GetSession("again_bot")!.LoggedInAt > first.LoggedInAt);
        // Mojo's relogin event (post_api only, so read from the events the console lists), once the new login is done.
        var inbox = fixture.Cluster.Client.GetGrain<IEventInboxGrain>(AccountKey.WeChatClient("again"));
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        IReadOnlyList<AccountEvent> recent;
        while (!(recent = await inbox.GetRecentAsync(50)).Any(IsRelogin) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50); // the event reaches the inbox just after the state turns running
        }
        Assert.Single(recent, IsRelogin);
        // Uptime counts from this login.
        Assert.True((await Account("again").GetStatusAsync()).RunningSince > runningSince);
        Assert.NotEqual("", (await ConsoleEntryAsync("wx/again")).GetProperty("uptime").GetString());
        await Account("again").StopAsync();
    }

    [Fact]
    public async Task Uptime_is_empty_while_an_account_waits_for_its_scan_and_counts_once_it_runs()
    {
        var world = fixture.Emulator.World;
        world.CreateUser(new CreateUserRequest { Wxid = "uptime_bot", NickName = "Uptime" });
        await _api.GetAsync("start_client", ("client", "uptime"));
        await _api.WaitForStateAsync("uptime", "scaning");
        Assert.Null((await Account("uptime").GetStatusAsync()).RunningSince);
        Assert.Equal("", (await ConsoleEntryAsync("wx/uptime")).GetProperty("uptime").GetString());

        var qr = await _api.WaitForNewQrAsync("uptime", previous: null);
        var scanned = DateTimeOffset.UtcNow;
        await _api.ScanAndConfirmAsync(world, "uptime", "uptime_bot", qr);
        Assert.True((await Account("uptime").GetStatusAsync()).RunningSince >= scanned);

        await Account("uptime").StopAsync();
        Assert.Null((await Account("uptime").GetStatusAsync()).RunningSince);
    }

    [Fact]
    public async Task Relogin_of_an_account_that_is_not_started_changes_nothing()
    {
        using var relogin = await PostAsync("admin/accounts/wx/never_started/relogin");
        Assert.Equal(HttpStatusCode.Redirect, relogin.StatusCode);
        Assert.Contains("client not exists", Uri.UnescapeDataString(relogin.Headers.Location!.OriginalString), StringComparison.Ordinal);
        Assert.False((await Account("never_started").GetStatusAsync()).IsStarted);
    }

    private static bool IsRelogin(AccountEvent e) => e.PostType == AccountEvent.EventPost && e.Event == "relogin";

    private IAccountGrain Account(string client) => fixture.Cluster.Client.GetAccount(AccountKey.WeChatClient(client));

    private async Task<HttpResponseMessage> PostAsync(string path)
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = fixture.Http.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent([]) };
        request.Headers.Add("Origin", fixture.Http.BaseAddress!.GetLeftPart(UriPartial.Authority));
        return await http.SendAsync(request);
    }

    private async Task<JsonElement> ConsoleEntryAsync(string key)
    {
        using var doc = JsonDocument.Parse(await fixture.Http.GetStringAsync("admin/api/accounts"));
        return doc.RootElement.GetProperty("accounts").EnumerateArray().Single(a => a.GetProperty("key").GetString() == key).Clone();
    }
}
