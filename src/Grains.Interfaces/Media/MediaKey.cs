namespace OpenWxCluster.Contracts;

/// <summary>A received media's identity: the account and the upstream MsgId of the message that carried it.</summary>
public sealed record MediaKey(string AccountKey, string MsgId)
{
    public override string ToString() => $"{AccountKey}:{MsgId}";
}
