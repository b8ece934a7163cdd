using OpenWxCluster.TestKit;

namespace OpenWxCluster.Cluster.Tests;

/// <summary>A cluster owned by one test (see <see cref="IsolatedAccountTests"/>), disposed at its end.</summary>
public sealed class IsolatedRun(ClusterFixture fixture) : IAsyncDisposable
{
    public ClusterFixture Fixture { get; } = fixture;

    public OpenWxHttpApi Api { get; } = new(fixture.Http);

    public async ValueTask DisposeAsync() => await Fixture.DisposeAsync();
}
