namespace OpenWxCluster.Contracts;

/// <summary>
/// start_client parameters kept with the account (echoed back like Mojo's controller does), the webhook they
/// asked for (null: the cluster default, if any), the poll_api heartbeat (null: the cluster default, if any), and
/// Openwx's post_message_filter (messages that fail it are neither posted nor queued for check_event), and the
/// account's least gap between sends (start_client send_interval; null: the cluster's), and for a QQ account
/// its OneBot implementation (<see cref="QqUpstream"/>, secrets included, never echoed).
/// </summary>
[GenerateSerializer, Immutable, Alias("openwx.StartOptions")]
public sealed record StartOptions(
    [property: Id(0)] IReadOnlyDictionary<string, string> Parameters,
    [property: Id(1)] WebhookSettings? Webhook = null,
    [property: Id(2)] PollSettings? Poll = null,
    [property: Id(3)] IReadOnlyDictionary<string, string>? MessageFilter = null,
    [property: Id(4)] TimeSpan? SendInterval = null,
    [property: Id(5)] QqUpstream? Qq = null)
{
    /// <summary>
    /// No options. A new instance on every read: a shared default held by many grain states was seen changed in
    /// place (a stored account's upstream appeared in another account's fresh state), so none is ever shared.
    /// </summary>
    public static StartOptions None => new(new Dictionary<string, string>());
}
