using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;
using OpenWxCluster.Grains.Options;
using OpenWxCluster.QqEmulator;
using OpenWxCluster.QqEmulator.World;
using OpenWxCluster.TestKit;

namespace OpenWxCluster.Cluster.Tests.Qq;

/// <summary>
/// The QQ emulator (one bot, NapCat-like: token, signed HTTP POST reports to the web front, heartbeats), a
/// two-silo cluster and the web front over loopback. World: bot 10001 "Bot"; Alice 20001 (friend, remark none) and
/// Carol 20003 (friend); Bob 20002 (not a friend); group 30001 "Team" owned by Alice, the bot admin, Bob member;
/// group 30002 "Club" owned by the bot.
/// </summary>
public class QqClusterFixture : IAsyncLifetime
{
    private readonly bool _reverseWs;

    public QqClusterFixture()
        : this(reverseWs: false)
    {
    }

    /// <param name="reverseWs">The emulator connects to the front's reverse WebSocket instead of POSTing events.</param>
    protected QqClusterFixture(bool reverseWs) => _reverseWs = reverseWs;

    public const long Bot = 10001, Alice = 20001, Bob = 20002, Carol = 20003, Team = 30001, Club = 30002;
    public const string Token = "qq-t0ken", Secret = "qq-s3cret", Client = "qqbot";

    public QqEmulatorHost Emulator { get; private set; } = null!;
    public InProcessTestCluster Cluster { get; private set; } = null!;
    public WebFrontHost Web { get; private set; } = null!;

    public QqWorld World => Emulator.World;

    public IGrainFactory Grains => Cluster.Client;

    public string Key => AccountKey.For(AccountKey.QQ, Client);

    public HttpClient Http => Web.Http;

    /// <summary>The /openqq API of the web front.</summary>
    public OpenWxHttpApi Api => new(Web.Http, "openqq");

    /// <summary>start_client for the fixture's client (the one the emulator reports to), then waits until it runs.</summary>
    public async Task StartClientAsync(params (string Key, string Value)[] extra)
    {
        var started = await Api.GetAsync("start_client",
        [
            ("client", Client),
            ("onebot_url", Emulator.BaseUri.ToString().TrimEnd('/')),
            ("onebot_token", Token),
            ("onebot_secret", Secret),
            ("onebot_event", _reverseWs ? "reverse_ws" : "http_post"),
            .. extra,
        ]);
        Assert.Equal(0, started.GetProperty("code").GetInt32());
        await Api.WaitForStateAsync(Client, "running");
    }

    public async Task InitializeAsync()
    {
        var webPort = FreePort.Next();
        Emulator = await QqEmulatorHost.StartAsync(new QqEmulatorOptions
        {
            AccessToken = Token,
            Secret = Secret,
            PostUrls = _reverseWs ? [] : [new Uri($"http://127.0.0.1:{webPort}/onebot/{Client}")],
            ReverseWsUrls = _reverseWs ? [new Uri($"ws://127.0.0.1:{webPort}/onebot/{Client}/ws")] : [],
            ReconnectInterval = TimeSpan.FromMilliseconds(300),
            HeartbeatInterval = TimeSpan.FromMilliseconds(500),
        });
        Seed(World);
        var builder = new InProcessTestClusterBuilder(2);
        builder.ConfigureSilo((_, silo) =>
        {
            TestSilo.Configure(silo, "http://127.0.0.1:9", apiUrl: $"http://127.0.0.1:{webPort}/");
            silo.Services.Configure<QqOptions>(o =>
            {
                o.LivenessPeriod = TimeSpan.FromMilliseconds(200);
                o.StatusProbePeriod = TimeSpan.FromSeconds(1);
                o.LoadRetryDelay = TimeSpan.FromMilliseconds(200);
            });
        });
        Cluster = builder.Build();
        await Cluster.DeployAsync();
        Web = await WebFrontHost.StartAsync(Cluster.Client, webPort);
    }

    /// <summary>The upstream as start_client gives it for this emulator.</summary>
    public QqUpstream Upstream(string? token = Token, string secret = Secret, QqTransport transport = QqTransport.HttpPost) =>
        new(Emulator.BaseUri.ToString().TrimEnd('/'), token ?? "", secret, transport);

    private static void Seed(QqWorld world)
    {
        world.CreateBot(Bot, "Bot");
        world.CreateUser(new QqUser(Alice, "Alice", "female", 30));
        world.CreateUser(new QqUser(Bob, "Bob", "male", 25));
        world.CreateUser(new QqUser(Carol, "Carol", "female", 41));
        world.CreateFriendship(Bot, Alice);
        world.CreateFriendship(Bot, Carol);
        world.CreateGroup(Team, "Team", Alice);
        world.AddMember(Team, Bot, QqRole.Admin, card: "Bot in Team");
        world.AddMember(Team, Bob, QqRole.Member, card: "Bobby");
        world.CreateGroup(Club, "Club", Bot);
        world.AddMember(Club, Carol);
    }

    public virtual async Task DisposeAsync()
    {
        await Web.DisposeAsync();
        await Cluster.DisposeAsync();
        await Emulator.DisposeAsync();
    }
}
