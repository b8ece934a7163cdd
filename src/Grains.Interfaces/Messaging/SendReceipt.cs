namespace OpenWxCluster.Contracts;

/// <summary>
/// The send reply: Mojo answers <c>{"id","code","status"}</c> where status is the upstream info ("success" or
/// ErrMsg) and id is <c>MsgID:ToUserName</c> on success.
/// </summary>
[GenerateSerializer, Immutable, Alias("openwx.SendReceipt")]
public sealed record SendReceipt([property: Id(0)] string? Id, [property: Id(1)] int Code, [property: Id(2)] string Status);
