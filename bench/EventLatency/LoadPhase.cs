namespace OpenWxCluster.Bench.EventLatency;

/// <summary>One injection phase: <see cref="Count"/> messages at <see cref="Rate"/> per second, round-robin over the accounts.</summary>
public sealed record LoadPhase(string Name, int Rate, int Count);
