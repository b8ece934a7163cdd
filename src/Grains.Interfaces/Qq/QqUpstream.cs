namespace OpenWxCluster.Contracts;

/// <summary>
/// Where a QQ account's OneBot v11 implementation is: its HTTP API root, the access token for it (also what it must
/// present when it connects back), the HMAC secret of its HTTP POST reports (empty: unsigned) and the event
/// transport. Kept out of <see cref="StartOptions.Parameters"/>, which are echoed back by check_client.
/// </summary>
[GenerateSerializer, Immutable, Alias("openwx.QqUpstream")]
public sealed record QqUpstream(
    [property: Id(0)] string ApiUrl,
    [property: Id(1)] string AccessToken,
    [property: Id(2)] string Secret,
    [property: Id(3)] QqTransport Transport);
