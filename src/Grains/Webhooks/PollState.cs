namespace OpenWxCluster.Grains.Webhooks;

[GenerateSerializer, Alias("openwx.PollState")]
public sealed class PollState
{
    /// <summary>The heartbeat in use (the account's own or the cluster default); null: none.</summary>
    [Id(0)] public PollSettings? Settings { get; set; }
}
