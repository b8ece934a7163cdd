using OpenWxCluster.Protocol;

namespace OpenWxCluster.Grains.Account;

// revoke_message through webwxrevokemsg, within the upstream's recall window (about two minutes).
public sealed partial class AccountGrain
{
    public async Task<AdminResult> RevokeMessageAsync(string messageId)
    {
        if (RefuseAdmin() is { } refusal)
        {
            return refusal;
        }
        // A send answers <MsgID>:<ToUserName>; ids of messages sent elsewhere (no ":to") name no conversation.
        var colon = messageId.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || colon == messageId.Length - 1)
        {
            return new AdminResult(AdminCodes.Invalid, "msg id not found", messageId);
        }
        var svrMsgId = messageId[..colon];
        var to = messageId[(colon + 1)..];
        // The recall carries a fresh ClientMsgId of its own, as the web client does.
        var clientMsgId = WxIds.NewClientMsgId();
        var result = await UpstreamAsync("revoke_message", s => mediaDriver.RevokeAsync(s, to, svrMsgId, clientMsgId));
        // Mojo answers code 0 for a refused recall too; only the status tells them apart.
        return result.IsSuccess
            ? new AdminResult(AdminCodes.Success, "revoke success", messageId)
            : new AdminResult(AdminCodes.Success, "revoke failure", messageId);
    }
}
