using OpenWxCluster.Emulator;
using OpenWxCluster.Grains.Options;
using OpenWxCluster.TestKit;

namespace OpenWxCluster.Cluster.Tests;

/// <summary>
/// A cluster owned by one test, for emulator-wide faults and timings or account and silo options of its own;
/// disposed at the test's end.
/// </summary>
public sealed class IsolatedRun : IAsyncDisposable
{
    private IsolatedRun(ClusterFixture fixture)
    {
        Fixture = fixture;
        Api = new OpenWxHttpApi(fixture.Http);
    }

    public ClusterFixture Fixture { get; }

    public OpenWxHttpApi Api { get; }

    public static async Task<IsolatedRun> StartAsync(
        EmulatorOptions? emulator = null, Action<SyncOptions>? sync = null, Action<ISiloBuilder>? silo = null)
    {
        var fixture = new ClusterFixture(emulator, sync, silo);
        await fixture.InitializeAsync();
        return new IsolatedRun(fixture);
    }

    public async ValueTask DisposeAsync() => await Fixture.DisposeAsync();
}
