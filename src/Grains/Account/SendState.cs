namespace OpenWxCluster.Grains.Account;

/// <summary>What an account's sends keep across activations: idempotent receipts and broadcasts in progress.</summary>
[GenerateSerializer, Alias("openwx.SendState")]
public sealed class SendState
{
    /// <summary>Receipts of successful sends by their caller's idempotency key.</summary>
    [Id(0)] public Dictionary<string, KeptReceipt> Receipts { get; set; } = new(StringComparer.Ordinal);

    [Id(1)] public List<Broadcast> Broadcasts { get; set; } = [];
}
