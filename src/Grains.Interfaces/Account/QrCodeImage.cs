namespace OpenWxCluster.Contracts;

/// <summary>The current login QR as served upstream, with a content type sniffed from its bytes.</summary>
[GenerateSerializer, Immutable, Alias("openwx.QrCodeImage")]
public sealed record QrCodeImage([property: Id(0)] byte[] Bytes, [property: Id(1)] string ContentType, [property: Id(2)] DateTimeOffset CreatedAt);
