namespace OpenWxCluster.Contracts;

/// <summary>
/// start_client parameters kept with the account (echoed back like Mojo's controller does), the webhook they
/// asked for (null: the cluster default, if any) and the poll_api heartbeat (null: the cluster default, if any).
/// </summary>
[GenerateSerializer, Immutable, Alias("openwx.StartOptions")]
public sealed record StartOptions(
    [property: Id(0)] IReadOnlyDictionary<string, string> Parameters,
    [property: Id(1)] WebhookSettings? Webhook = null,
    [property: Id(2)] PollSettings? Poll = null)
{
    public static StartOptions None { get; } = new(new Dictionary<string, string>());
}
