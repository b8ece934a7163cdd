using System.Collections.Concurrent;
using OpenWxCluster.Emulator.Control;
using OpenWxCluster.Emulator.Sessions;
using OpenWxCluster.Emulator.Wire;

namespace OpenWxCluster.Emulator.World;

/// <summary>Friend requests (MsgType 37 / webwxverifyuser) and revocation (MsgType 10002).</summary>
public sealed partial class EmulatorWorld
{
    private readonly ConcurrentDictionary<string, FriendRequestInfo> _friendRequests = new(StringComparer.Ordinal);

    /// <summary>Queues a MsgType 37 from <c>fmessage</c> to the recipient's web session; returns the request with its ticket.</summary>
    public FriendRequestInfo SendFriendRequest(FriendRequestRequest request)
    {
        var from = Directory.GetUser(request.From) ?? throw EmulatorControlException.NotFound($"user {request.From}");
        if (!Directory.UserExists(request.To))
        {
            throw EmulatorControlException.NotFound($"user {request.To}");
        }

        if (Directory.IsFriend(request.From, request.To))
        {
            throw new EmulatorControlException(409, "already friends");
        }

        var ticket = "v2_" + Secrets.Hex(24) + "@stranger";
        var info = new FriendRequestInfo(request.From, request.To, request.Content, ticket, false);
        _friendRequests[ticket] = info;
        var xml = $"<msg fromusername=\"{request.From}\" encryptusername=\"v1_{Secrets.Hex(16)}@stranger\" fromnickname=\"{from.NickName}\" " +
                  $"content=\"{request.Content}\" scene=\"30\" ticket=\"{ticket}\" sex=\"{from.Sex}\" />";
        var message = new EmuMessage
        {
            MsgId = NewMsgId(),
            FromId = "fmessage",
            ToId = request.To,
            MsgType = 37,
            Content = WireText.Escape(xml),
            CreateTime = Now(),
            Recommend = new RecommendData(from.Wxid, from.NickName, request.Content, ticket, from.Alias, from.Province, from.City, from.Sex, 30),
        };
        Sessions.Active(request.To)?.Enqueue(SessionEventKind.Message, message, null);
        return info;
    }

    public IReadOnlyList<FriendRequestInfo> ListFriendRequests() => [.. _friendRequests.Values];

    /// <summary>The recipient accepts (webwxverifyuser Opcode 3 or the control API): both become friends.</summary>
    public void AcceptFriendRequest(string wxid, string fromWxid, string ticket)
    {
        if (!_friendRequests.TryGetValue(ticket, out var request) || request.To != wxid || request.From != fromWxid || request.Accepted)
        {
            throw EmulatorControlException.NotFound("friend request for this ticket");
        }

        _friendRequests[ticket] = request with { Accepted = true };
        CreateFriendship(new FriendshipRequest(request.From, request.To));
    }

    /// <summary><paramref name="wxid"/> recalls from its phone a message it sent (within its sent log).</summary>
    public void RevokeFromPhone(string wxid, string msgId)
    {
        if (!Revoke(wxid, msgId))
        {
            throw EmulatorControlException.NotFound($"message {msgId} sent by {wxid}");
        }
    }

    /// <summary>
    /// Recalls a message the account sent: peers' sessions get MsgType 10002 with a revokemsg sysmsg, also recorded in
    /// the account's sent log (MsgType 10002, Content the unescaped sysmsg). Only the
    /// sender's last <see cref="EmulatorOptions.SentLogLimit"/> messages can be found, like the real 2-minute window.
    /// </summary>
    internal bool Revoke(string wxid, string msgId)
    {
        var sent = GetSent(wxid).LastOrDefault(s => s.MsgId == msgId);
        var nick = Directory.GetUser(wxid)?.NickName ?? wxid;
        if (sent is null)
        {
            return false;
        }

        var xml = $"<sysmsg type=\"revokemsg\"><revokemsg><session></session><oldmsgid>{sent.ClientMsgId}</oldmsgid>" +
                  $"<msgid>{msgId}</msgid><replacemsg><![CDATA[\"{nick}\" 撤回了一条消息]]></replacemsg></revokemsg></sysmsg>";
        var revoke = new EmuMessage { MsgId = NewMsgId(), FromId = wxid, ToId = sent.To, MsgType = 10002, Content = WireText.Escape(xml), CreateTime = Now() };
        Route(revoke, echoToSender: false);

        // The recall is itself a message the account sent (a 10002 sysmsg): the sent log shows it, naming the old MsgId.
        RecordSent(wxid, new SentMessageInfo(revoke.MsgId.ToString(), "", sent.To, "", 10002, xml, revoke.CreateTime, "web"));
        return true;
    }
}
