namespace OpenWxCluster.Contracts;

/// <summary>
/// The send reply: Mojo answers <c>{"id","code","status"}</c> where status is the upstream info ("success" or
/// ErrMsg) and id is <c>MsgID:ToUserName</c> on success. <see cref="RefusedIn"/> is the account's state when the
/// account refused the send because it is not running (code <see cref="SendCodes.NotRunning"/>), so a caller can
/// tell "never started" from "not running now" without asking the account's status first.
/// </summary>
[GenerateSerializer, Immutable, Alias("openwx.SendReceipt")]
public sealed record SendReceipt(
    [property: Id(0)] string? Id,
    [property: Id(1)] int Code,
    [property: Id(2)] string Status,
    [property: Id(3)] ClientState? RefusedIn = null);
