using Orleans.Runtime;

namespace OpenWxCluster.Contracts;

/// <summary>
/// <c>GetGrain&lt;T&gt;(string)</c> without its per-call reflection. Orleans resolves the grain interface type from
/// the interface's attributes on every <c>GetGrain</c> call (5–7 % of a send's CPU in the throughput bench's profile);
/// here that happens once per interface and each later call only builds a grain id.
/// </summary>
public static class KeyedGrains
{
    /// <summary>The grain of interface <typeparamref name="T"/> with the string key <paramref name="key"/>.</summary>
    public static T ForKey<T>(this IGrainFactory grains, string key)
        where T : IGrainWithStringKey
    {
        ArgumentNullException.ThrowIfNull(grains);
        if (Resolved<T>.Types is not { } types)
        {
            // The first call asks Orleans and keeps what it resolved; grain and interface types are fixed by the
            // assemblies, so they hold for every grain factory of the process.
            var reference = (GrainReference)(object)grains.GetGrain<T>(key);
            Resolved<T>.Types = new ResolvedTypes(reference.GrainId.Type, reference.InterfaceType);
            return (T)(object)reference;
        }
        return (T)grains.GetGrain(GrainId.Create(types.Grain, key), types.Interface);
    }

    private static class Resolved<T>
    {
        public static ResolvedTypes? Types { get; set; }
    }

    private sealed record ResolvedTypes(GrainType Grain, GrainInterfaceType Interface);
}
