using Orleans.TestingHost;
using OpenWxCluster.Emulator;
using OpenWxCluster.Grains.Options;
using OpenWxCluster.TestKit;

namespace OpenWxCluster.Cluster.Tests;

/// <summary>
/// One emulator, a two-silo in-process cluster and the web front over loopback HTTP, shared by a test collection
/// (or owned by one test when it changes emulator-wide settings or the account options). Tests isolate themselves
/// by using their own emulator users and client names.
/// </summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    private readonly EmulatorOptions _emulatorOptions;
    private readonly Action<SyncOptions>? _sync;
    private readonly Action<ISiloBuilder>? _silo;
    private readonly IDictionary<string, string?>? _webSettings;

    public ClusterFixture()
        : this(null, null)
    {
    }

    /// <param name="webSettings">Configuration of the web front (e.g. <c>App:Api:AdminToken</c>).</param>
    internal ClusterFixture(
        EmulatorOptions? emulator, Action<SyncOptions>? sync, Action<ISiloBuilder>? silo = null, IDictionary<string, string?>? webSettings = null)
    {
        _emulatorOptions = emulator ?? new EmulatorOptions
        {
            LoginPollHold = TimeSpan.FromSeconds(1),
            SyncCheckHold = TimeSpan.FromSeconds(5),
        };
        _sync = sync;
        _silo = silo;
        _webSettings = webSettings;
    }

    public EmulatorHost Emulator { get; private set; } = null!;
    public InProcessTestCluster Cluster { get; private set; } = null!;
    public WebFrontHost Web { get; private set; } = null!;

    public HttpClient Http => Web.Http;

    public async Task InitializeAsync()
    {
        Emulator = await EmulatorHost.StartAsync(_emulatorOptions);
        var url = Emulator.BaseUri.ToString().TrimEnd('/');
        var webPort = FreePort.Next();
        var builder = new InProcessTestClusterBuilder(2);
        builder.ConfigureSilo((_, silo) =>
        {
            TestSilo.Configure(silo, url, sync: _sync, apiUrl: $"http://127.0.0.1:{webPort}/");
            _silo?.Invoke(silo);
        });
        // Other Orleans clients may read the accounts' event streams (OpenWx:Inbox:Stream).
        builder.ConfigureClient(client => client.AddMemoryStreams(OrleansNames.StreamProvider));
        Cluster = builder.Build();
        await Cluster.DeployAsync();
        Web = await WebFrontHost.StartAsync(Cluster.Client, webPort, settings: _webSettings);
    }

    public async Task DisposeAsync()
    {
        await Web.DisposeAsync();
        await Cluster.DisposeAsync();
        await Emulator.DisposeAsync();
    }
}
