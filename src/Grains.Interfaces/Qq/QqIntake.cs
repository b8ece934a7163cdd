namespace OpenWxCluster.Contracts;

/// <summary>
/// One event as the OneBot implementation sent it: the raw JSON body (the signature covers exactly these bytes),
/// the <c>X-Self-ID</c> and <c>X-Signature</c> headers (null when absent) and which transport carried it.
/// </summary>
[GenerateSerializer, Immutable, Alias("openwx.QqIntake")]
public sealed record QqIntake(
    [property: Id(0)] byte[] Body,
    [property: Id(1)] string? SelfId,
    [property: Id(2)] string? Signature,
    [property: Id(3)] QqTransport Transport);
