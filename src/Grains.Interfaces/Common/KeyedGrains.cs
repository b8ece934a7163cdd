using System.Collections.Concurrent;
using Orleans.Runtime;

namespace OpenWxCluster.Contracts;

/// <summary>
/// <c>GetGrain&lt;T&gt;(string)</c> without its per-call reflection. Orleans resolves the grain interface type from
/// the interface's attributes on every <c>GetGrain</c> call (5–7 % of a send's CPU in the throughput bench's profile);
/// here that happens once per interface and kind of grain factory, and each later call only builds a grain id.
/// </summary>
public static class KeyedGrains
{
    /// <summary>The grain of interface <typeparamref name="T"/> with the string key <paramref name="key"/>.</summary>
    public static T ForKey<T>(this IGrainFactory grains, string key)
        where T : IGrainWithStringKey
    {
        ArgumentNullException.ThrowIfNull(grains);
        var factory = grains.GetType();
        if (Resolved<T>.ByFactory.TryGetValue(factory, out var types))
        {
            return types is null ? grains.GetGrain<T>(key) : (T)grains.GetGrain(GrainId.Create(types.Grain, key), types.Interface);
        }
        // The first call asks Orleans and keeps what it resolved: grain and interface types are fixed by the
        // assemblies. A factory that hands out something else than grain references (a test double) is asked
        // every time.
        var grain = grains.GetGrain<T>(key);
        Resolved<T>.ByFactory[factory] = grain is GrainReference reference ? new ResolvedTypes(reference.GrainId.Type, reference.InterfaceType) : null;
        return grain;
    }

    private static class Resolved<T>
    {
        public static readonly ConcurrentDictionary<Type, ResolvedTypes?> ByFactory = new();
    }

    private sealed record ResolvedTypes(GrainType Grain, GrainInterfaceType Interface);
}
