using OpenWxCluster.Persistence.Tests.Grains;

namespace OpenWxCluster.Persistence.Tests.Infrastructure;

/// <summary>Test states and fresh string-keyed grain ids for the grain storage tests.</summary>
internal static class CounterStates
{
    public const string StateName = "counter";

    public static GrainId NewKey(string prefix = "acct_") => GrainId.Create("counter", prefix + Guid.NewGuid().ToString("N"));

    public static GrainState<CounterState> New(int value) => new(new CounterState { Value = value, Note = "n" + value });
}
