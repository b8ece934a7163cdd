namespace OpenWxCluster.Protocol;

/// <summary>SyncKey / SyncCheckKey: <c>{Count, List:[{Key,Val}]}</c>.</summary>
public sealed record WxSyncKey(IReadOnlyList<WxSyncKeyItem> List)
{
    public static WxSyncKey Empty { get; } = new([]);

    public int Count => List.Count;

    /// <summary>The synccheck form: <c>K1_V1|K2_V2</c>.</summary>
    public override string ToString() => string.Join('|', List.Select(i => $"{i.Key}_{i.Val}"));
}
