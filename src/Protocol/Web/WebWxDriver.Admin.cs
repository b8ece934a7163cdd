using System.Text.Json.Nodes;

namespace OpenWxCluster.Protocol.Web;

/// <summary>Revoke, group management, oplog and friend verification: JSON CGIs that only answer Ret.</summary>
public sealed partial class WebWxDriver : IWxChatAdminDriver
{
    /// <summary>From this group size on, the server wants invitemember instead of addmember.</summary>
    public const int InviteThreshold = 40;

    public async Task RevokeAsync(WxSession session, string toUserName, string svrMsgId, string clientMsgId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentException.ThrowIfNullOrEmpty(toUserName);
        ArgumentException.ThrowIfNullOrEmpty(svrMsgId);
        ArgumentException.ThrowIfNullOrEmpty(clientMsgId);
        var body = WxRequests.Body(session, ("ClientMsgId", clientMsgId), ("SvrMsgId", svrMsgId), ("ToUserName", toUserName));
        await PostRetAsync(session, "webwxrevokemsg", WxRequests.Query(("pass_ticket", session.PassTicket)), body, cancellationToken)
            .ConfigureAwait(false);
    }

    public async Task<WxChatRoomResult> CreateChatRoomAsync(
        WxSession session, string topic, IReadOnlyList<string> memberUserNames, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(topic);
        ArgumentNullException.ThrowIfNull(memberUserNames);
        var members = new JsonArray();
        foreach (var userName in memberUserNames)
        {
            members.Add(new JsonObject { ["UserName"] = userName });
        }

        var body = WxRequests.Body(session, ("MemberCount", memberUserNames.Count), ("MemberList", members), ("Topic", topic));
        var query = WxRequests.Query(("r", WxStamp.NowMs()), ("pass_ticket", session.PassTicket));
        using var doc = await SendJsonAsync(MainPost(session, "webwxcreatechatroom", query, body), session, cancellationToken)
            .ConfigureAwait(false);
        var root = doc.RootElement;
        var chatRoomName = WxJson.Str(root, "ChatRoomName");
        if (chatRoomName.Length == 0)
        {
            throw new WxTransportException("webwxcreatechatroom", "answer has no ChatRoomName");
        }

        return new WxChatRoomResult(chatRoomName, WxJson.Str(root, "Topic"), WxContactReader.ReadList(root, "MemberList"));
    }

    public Task SetChatRoomTopicAsync(WxSession session, string chatRoomName, string topic, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(topic);
        return UpdateChatRoomAsync(session, "modtopic", chatRoomName, ("NewTopic", topic), cancellationToken);
    }

    public Task AddChatRoomMembersAsync(
        WxSession session, string chatRoomName, IReadOnlyList<string> userNames, int currentMemberCount, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(userNames);
        var ids = string.Join(',', userNames);
        return currentMemberCount + userNames.Count >= InviteThreshold
            ? UpdateChatRoomAsync(session, "invitemember", chatRoomName, ("InviteMemberList", ids), cancellationToken)
            : UpdateChatRoomAsync(session, "addmember", chatRoomName, ("AddMemberList", ids), cancellationToken);
    }

    public Task DeleteChatRoomMembersAsync(
        WxSession session, string chatRoomName, IReadOnlyList<string> userNames, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(userNames);
        return UpdateChatRoomAsync(session, "delmember", chatRoomName, ("DelMemberList", string.Join(',', userNames)), cancellationToken);
    }

    public async Task SetRemarkNameAsync(WxSession session, string userName, string remarkName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentException.ThrowIfNullOrEmpty(userName);
        ArgumentNullException.ThrowIfNull(remarkName);
        var body = WxRequests.Body(session, ("CmdId", 2), ("RemarkName", remarkName), ("UserName", userName));
        await PostRetAsync(session, "webwxoplog", WxRequests.Query(("pass_ticket", session.PassTicket)), body, cancellationToken)
            .ConfigureAwait(false);
    }

    public async Task SetStickAsync(WxSession session, string userName, bool stick, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentException.ThrowIfNullOrEmpty(userName);
        var body = WxRequests.Body(session, ("CmdId", 3), ("OP", stick ? 1 : 0), ("UserName", userName));
        await PostRetAsync(session, "webwxoplog", WxRequests.Query(("pass_ticket", session.PassTicket)), body, cancellationToken)
            .ConfigureAwait(false);
    }

    public async Task VerifyUserAsync(
        WxSession session, WxVerifyOpcode opcode, string userName, string ticket, string verifyContent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentException.ThrowIfNullOrEmpty(userName);
        var body = WxRequests.Body(
            session,
            ("Opcode", (int)opcode),
            ("VerifyUserListSize", 1),
            ("VerifyUserList", new JsonArray(new JsonObject { ["Value"] = userName, ["VerifyUserTicket"] = ticket ?? "" })),
            ("VerifyContent", verifyContent ?? ""),
            ("SceneListCount", 1),
            ("SceneList", new JsonArray(33)),
            ("skey", session.Skey));
        var query = WxRequests.Query(("r", WxStamp.NowMs()), ("pass_ticket", session.PassTicket));
        await PostRetAsync(session, "webwxverifyuser", query, body, cancellationToken).ConfigureAwait(false);
    }

    private async Task UpdateChatRoomAsync(
        WxSession session, string fun, string chatRoomName, (string Name, JsonNode? Value) field, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentException.ThrowIfNullOrEmpty(chatRoomName);
        var body = WxRequests.Body(session, ("ChatRoomName", chatRoomName), field);
        var query = WxRequests.Query(("fun", fun), ("pass_ticket", session.PassTicket));
        await PostRetAsync(session, "webwxupdatechatroom", query, body, cancellationToken).ConfigureAwait(false);
    }

    private async Task PostRetAsync(WxSession session, string cgi, string query, JsonObject body, CancellationToken cancellationToken)
    {
        using var doc = await SendJsonAsync(MainPost(session, cgi, query, body), session, cancellationToken).ConfigureAwait(false);
    }
}
