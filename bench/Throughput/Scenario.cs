namespace OpenWxCluster.Bench.Throughput;

/// <summary>
/// One product route under load beside its ceiling. The ceiling gets the same paths (it answers every path), so the
/// requests on the wire are the same size. <see cref="TargetRatio"/> and <see cref="P99TargetMs"/> are issue 11's (null: no target).
/// </summary>
internal sealed record Scenario(
    string Name,
    int Accounts,
    IReadOnlyList<string> Paths,
    bool IsSend,
    Side Product,
    Side Ceiling,
    double? TargetRatio,
    double? P99TargetMs);
