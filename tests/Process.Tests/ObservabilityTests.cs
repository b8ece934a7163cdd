using System.Globalization;
using System.Net;
using System.Text.Json;
using OpenWxCluster.Emulator.Control;
using OpenWxCluster.TestKit;

namespace OpenWxCluster.Process.Tests;

/// <summary>
/// What monitoring sees of a shipped silo process: /healthz, /readyz (membership and storage, its own PostgreSQL
/// so the database can be crashed) and Prometheus metrics whose counts match what the account really did, judged
/// by the emulator's records and a check_event consumer. Its own one-silo cluster: counts are this test's alone.
/// </summary>
[Collection(ProcessCollection.Name)]
public sealed class ObservabilityTests(ProcessClusterFixture fixture) : IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);
    private PostgresServer _postgres = null!;
    private HostProcess _silo = null!;

    public async Task InitializeAsync()
    {
        _postgres = await PostgresServer.StartAsync();
        var settings = fixture.Settings with
        {
            ConnectionString = await _postgres.CreateUniqueDatabaseAsync("obs"),
            ClusterId = "obs-" + Guid.NewGuid().ToString("N")[..8],
        };
        _silo = HostProcess.StartSilo("obs", settings, fixture.LogDirectory);
        await _silo.WaitUntilReadyAsync(Wait);
    }

    public async Task DisposeAsync()
    {
        _silo.Dispose();
        await _postgres.DisposeAsync();
    }

    [Fact]
    public async Task Health_readiness_and_metrics_say_what_happened()
    {
        Assert.Equal(HttpStatusCode.OK, (await _silo.Http.GetAsync("healthz")).StatusCode);
        var ready = await ReadyAsync();
        Assert.Equal((HttpStatusCode.OK, "healthy"), (ready.Status, ready.Body.GetProperty("status").GetString()));
        Assert.Equal("active", ready.Body.GetProperty("checks").GetProperty("membership").GetProperty("detail").GetString());

        var world = fixture.Emulator.World;
        world.CreateUser(new CreateUserRequest { Wxid = "obs_pal", NickName = "ObsPal" });
        world.CreateUser(new CreateUserRequest { Wxid = "obs_bot", NickName = "ObsBot", Friends = ["obs_pal"] });
        var api = new OpenWxHttpApi(_silo.Http);
        await using var receiver = await WebhookReceiver.StartAsync();
        await api.LoginAsync(world, "obs", "obs_bot", ("post_api", receiver.Url));
        string[] received = ["in-1", "in-2", "in-3"];
        foreach (var text in received)
        {
            world.SendText("obs_pal", "obs_bot", text);
        }
        var ledger = new DeliveryLedger(api, "obs");
        await ledger.CollectUntilAsync(received[^1], Wait);
        Assert.Equal(received, ledger.Received);
        foreach (var text in (string[])["out-1", "out-2"])
        {
            var sent = await api.GetAsync("send_friend_message", ("client", "obs"), ("displayname", "ObsPal"), ("content", text));
            Assert.Equal(0, sent.GetProperty("code").GetInt32());
        }
        Assert.Equal(2, world.GetSent("obs_bot").Count(m => m.Content.StartsWith("out-", StringComparison.Ordinal)));

        var metrics = await Eventually.ValueAsync(
            ScrapeAsync, m => Value(m, "openwx_messages_sent_total", "platform=\"wx\"") >= 2, Wait, "sent messages counted");
        Assert.Equal(3, Value(metrics, "openwx_messages_received_total", "platform=\"wx\""));
        Assert.Equal(2, Value(metrics, "openwx_messages_sent_total", "platform=\"wx\""));
        Assert.Equal(2, Value(metrics, "openwx_send_duration_seconds_count", "platform=\"wx\""));
        Assert.Equal(1, Value(metrics, "openwx_accounts", "platform=\"wx\"", "state=\"running\""));
        // Every post the receiver took (by event id) is one delivery; nothing waits any more.
        await Eventually.TrueAsync(() => Task.FromResult(receiver.Posts.Any(p => p.Content == "out-2")), Wait, "the last post");
        metrics = await Eventually.ValueAsync(
            ScrapeAsync,
            m => Value(m, "openwx_webhook_deliveries_total", "result=\"delivered\"") == receiver.Posts.Select(p => p.EventId).Distinct().Count(),
            Wait,
            "deliveries counted as the receiver saw them");
        Assert.Equal(0, Value(metrics, "openwx_webhook_backlog"));
        Assert.Equal(0, Value(metrics, "openwx_webhook_deliveries_total", "result=\"failed\""));
        Assert.Contains("\norleans_", metrics, StringComparison.Ordinal);
        Assert.Contains("\nhttp_server_request_duration_seconds_bucket", metrics, StringComparison.Ordinal);

        // The database goes: still alive, no longer ready, and says why; back when it returns.
        await _postgres.CrashAsync();
        var down = await Eventually.ValueAsync(ReadyAsync, r => r.Status != HttpStatusCode.OK, Wait, "not ready without storage");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, down.Status);
        Assert.Equal("unhealthy", down.Body.GetProperty("checks").GetProperty("storage").GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, (await _silo.Http.GetAsync("healthz")).StatusCode);
        await _postgres.RestartAsync();
        await Eventually.ValueAsync(ReadyAsync, r => r.Status == HttpStatusCode.OK, Wait, "ready again");
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> ReadyAsync()
    {
        using var response = await _silo.Http.GetAsync("readyz");
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    private Task<string> ScrapeAsync() => _silo.Http.GetStringAsync("metrics");

    /// <summary>The value of the series <paramref name="name"/> whose labels include all of <paramref name="labels"/>; 0 if none.</summary>
    private static double Value(string exposition, string name, params string[] labels)
    {
        foreach (var line in exposition.Split('\n'))
        {
            if ((line.StartsWith(name + "{", StringComparison.Ordinal) || line.StartsWith(name + " ", StringComparison.Ordinal)) && labels.All(l => line.Contains(l, StringComparison.Ordinal)))
            {
                return double.Parse(line[(Math.Max(line.LastIndexOf('}'), name.Length) + 1)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
            }
        }
        return 0;
    }
}
