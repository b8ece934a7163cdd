using System.Globalization;
using System.Text.Json;
using OpenWxCluster.QqEmulator;
using OpenWxCluster.QqEmulator.World;
using OpenWxCluster.TestKit;
using Xunit.Abstractions;

namespace OpenWxCluster.Process.Tests;

/// <summary>
/// QQ and WeChat accounts side by side in a two-silo cluster on PostgreSQL; one silo is SIGKILLed. The WeChat
/// accounts resume by themselves (judged by the web WeChat emulator); the QQ accounts' implementation (the QQ
/// emulator, reporting to both silos' fronts as an operator's load balancer would) keeps reporting, and every QQ
/// message sent while the silo is dead reaches check_event on the survivor exactly once. Own cluster: it kills a silo.
/// </summary>
public sealed class MixedFailoverTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Token = "mixed-t0ken", Secret = "mixed-s3cret";
    private static readonly long[] Bots = [10001, 10002];
    private const long Pal = 20001;
    private readonly ProcessClusterFixture _cluster = new();
    private QqEmulatorHost _qq = null!;

    public async Task InitializeAsync()
    {
        await _cluster.InitializeAsync();
        // One emulator stands for one NapCat per bot (each account's API root is /bots/{self_id}); every bot's reports
        // go to every account's intake on both fronts, and an account refuses another bot's (403).
        _qq = await QqEmulatorHost.StartAsync(new QqEmulatorOptions
        {
            AccessToken = Token,
            Secret = Secret,
            HeartbeatInterval = TimeSpan.FromSeconds(1),
            PostUrls = [.. Bots.SelectMany(b => _cluster.Silos.Select(s => new Uri(s.Http.BaseAddress!, $"onebot/{Client(b)}")))],
        });
        _qq.World.CreateUser(new QqUser(Pal, "Pal"));
        foreach (var bot in Bots)
        {
            _qq.World.CreateBot(bot, "Bot" + bot);
            _qq.World.CreateFriendship(bot, Pal);
        }
    }

    public async Task DisposeAsync()
    {
        await _qq.DisposeAsync();
        await _cluster.DisposeAsync();
    }

    [Fact]
    public async Task After_a_SIGKILL_both_kinds_of_account_run_on_the_survivor_and_QQ_messages_sent_meanwhile_arrive_once()
    {
        var wx = _cluster.Emulator.World;
        var wxApi = new OpenWxHttpApi(_cluster.SiloA.Http);
        var qqApi = new OpenWxHttpApi(_cluster.SiloA.Http, "openqq");
        var wxClients = new[] { "mixwx0", "mixwx1" };
        foreach (var client in wxClients)
        {
            wx.CreateAccountWithFriend(client, "Pal" + client);
            await wxApi.LoginAsync(wx, client, client + "_bot");
        }
        var hosts = new Dictionary<string, ClientReport>();
        foreach (var bot in Bots)
        {
            var started = await qqApi.GetAsync("start_client", ("client", Client(bot)),
                ("onebot_url", new Uri(_qq.BaseUri, $"bots/{bot}").ToString()), ("onebot_token", Token), ("onebot_secret", Secret));
            Assert.Equal(0, started.GetProperty("code").GetInt32());
            hosts[Client(bot)] = await qqApi.WaitForStateAsync(Client(bot), "running");
        }
        foreach (var client in wxClients)
        {
            hosts[client] = await wxApi.ClientAsync(client);
        }

        var victim = hosts.Values.Any(h => h.IsOnSiloPort(_cluster.SiloB.SiloPort)) ? _cluster.SiloB : _cluster.SiloA;
        var survivor = victim == _cluster.SiloA ? _cluster.SiloB : _cluster.SiloA;
        output.WriteLine($"hosts: {string.Join(", ", hosts.Select(h => $"{h.Key}@{h.Value.Silo}"))}; killing {victim.Name}");
        victim.Kill();

        var sentWhileDead = Bots.ToDictionary(b => b, b => Enumerable.Range(1, 3)
            .Select(i => Id(_qq.World.UserSendsPrivate(Pal, b, [MessageSegment.Text($"while dead {b} #{i}")]))).ToList());
        foreach (var client in wxClients)
        {
            wx.SendText(client + "_pal", client + "_bot", "wx while dead " + client);
        }
        await Task.WhenAll(wxClients.Select(c => wx.WaitUntilAcknowledgedAsync(c + "_bot", TimeSpan.FromSeconds(30))));

        var survivorQq = new OpenWxHttpApi(survivor.Http, "openqq");
        foreach (var bot in Bots)
        {
            var barrier = Id(_qq.World.UserSendsPrivate(Pal, bot, [MessageSegment.Text("barrier")]));
            var ids = await CollectUntilAsync(survivorQq, Client(bot), barrier);
            Assert.Equal([.. sentWhileDead[bot], barrier], ids);
            var report = await survivorQq.ClientAsync(Client(bot));
            Assert.Equal("running", report.State);
            Assert.True(report.IsOnSiloPort(survivor.SiloPort), $"{Client(bot)} is not on the survivor");
        }
        var survivorWx = new OpenWxHttpApi(survivor.Http);
        foreach (var client in wxClients)
        {
            Assert.Equal("running", (await survivorWx.ClientAsync(client)).State);
        }
        var sent = await survivorQq.GetAsync("send_friend_message", ("client", Client(Bots[0])), ("uid", "20001"), ("content", "from the survivor"));
        Assert.Equal(0, sent.GetProperty("code").GetInt32());
        Assert.Single(_qq.World.SentBy(Bots[0]), m => m.Message.Any(s => s.Data.GetValueOrDefault("text") == "from the survivor"));
    }

    private static string Client(long bot) => "mixqq" + bot.ToString(CultureInfo.InvariantCulture);

    private static string Id(QqMessage m) => m.MessageId.ToString(CultureInfo.InvariantCulture);

    /// <summary>The received message ids check_event gives, in order, up to and including <paramref name="last"/>.</summary>
    private static async Task<List<string>> CollectUntilAsync(OpenWxHttpApi api, string client, string last)
    {
        var ids = new List<string>();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            var answer = await api.GetAsync("check_event", ("client", client));
            if (answer.ValueKind == JsonValueKind.Object)
            {
                // While the killed silo is not yet declared dead, a grain call can fail; a Mojo poller polls again.
                // Only that transient failure is accepted: any other refusal (client not exists, ...) is a bug.
                Assert.Equal(-1, answer.GetProperty("code").GetInt32());
                Assert.StartsWith("request ", answer.GetProperty("status").GetString());
                await Task.Delay(200);
                continue;
            }
            foreach (var e in answer.EnumerateArray())
            {
                if (e.GetProperty("post_type").GetString() == "receive_message")
                {
                    ids.Add(e.GetProperty("id").GetString()!);
                }
            }
            if (ids.Contains(last))
            {
                return ids;
            }
        }
        throw new TimeoutException($"{client}: message {last} never reached check_event; saw {string.Join(",", ids)}");
    }
}
