namespace OpenWxCluster.Contracts;

/// <summary>
/// What check_client reports for one account. <see cref="StartedNow"/> is true only in the reply of the
/// <c>StartAsync</c> call that actually started the account (false when it was already started).
/// <see cref="OfflineCause"/> (one of <see cref="OfflineCauses"/>) says why the account is cut off from upstream; null
/// while it is not (cleared once it syncs again after a transport failure, or logs in again).
/// <see cref="RunningSince"/> is when the account last reached running (its uptime); null while it is not running.
/// </summary>
[GenerateSerializer, Immutable, Alias("openwx.AccountStatus")]
public sealed record AccountStatus(
    [property: Id(0)] string Client,
    [property: Id(1)] string Platform,
    [property: Id(2)] ClientState State,
    [property: Id(3)] ClientState PreviousState,
    [property: Id(4)] DateTimeOffset? StartTime,
    [property: Id(5)] string? Account,
    [property: Id(6)] string? LastError,
    [property: Id(7)] int QrCodeCount,
    [property: Id(8)] string Silo,
    [property: Id(9)] bool StartedNow,
    [property: Id(10)] string? OfflineCause = null,
    [property: Id(11)] DateTimeOffset? RunningSince = null)
{
    /// <summary>A live client (see <see cref="ClientStateNames.IsStarted"/>).</summary>
    public bool IsStarted => State.IsStarted();
}
