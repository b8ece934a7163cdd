namespace OpenWxCluster.Cluster.Tests;

/// <summary>
/// <see cref="KeyedGrains.ForKey{T}"/> resolves the grain type once and then builds references itself: they must be
/// the very grains <c>GetGrain</c> names, for every interface and key, first call or later, client or silo side.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class KeyedGrainsTests(ClusterFixture fixture)
{
    [Fact]
    public async Task References_built_from_the_kept_types_name_the_same_grains_as_GetGrain()
    {
        var grains = fixture.Cluster.Client;
        foreach (var key in new[] { "wx/keyed-a", "wx/keyed-b", "wx/keyed-a" })
        {
            Same(grains.GetGrain<IWxAccountGrain>(key), grains.ForKey<IWxAccountGrain>(key));
            Same(grains.GetGrain<IFriendsGrain>(key), grains.ForKey<IFriendsGrain>(key));
            Same(grains.GetGrain<IEventInboxGrain>(key), grains.ForKey<IEventInboxGrain>(key));
        }
        var status = await grains.ForKey<IWxAccountGrain>("wx/keyed-a").GetStatusAsync();
        Assert.Equal("keyed-a", status.Client);
        Assert.False(status.IsStarted);
    }

    private static void Same<T>(T expected, T actual)
        where T : IGrainWithStringKey
    {
        var e = (GrainReference)(object)expected;
        var a = (GrainReference)(object)actual;
        Assert.Equal(e.GrainId, a.GrainId);
        Assert.Equal(e.InterfaceType, a.InterfaceType);
        Assert.Equal(expected, actual);
    }
}
