namespace OpenWxCluster.Bench.Shared;

/// <summary>A product account: its client name in the HTTP API and the emulator user it logged in as.</summary>
public sealed record BenchAccount(string Client, string Wxid);
