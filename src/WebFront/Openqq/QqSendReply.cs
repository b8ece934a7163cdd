using System.Text.Json.Nodes;

namespace OpenWxCluster.WebFront;

/// <summary>
/// Openqq's send answers: <c>{"id","code","status":"发送成功"|"发送失败","info":&lt;detail&gt;}</c>, and for the
/// not-found codes (100 friend, 101 group, 102 discuss, 103/104/105 sess) <c>{"id":null,"code":N,"status":text}</c>.
/// </summary>
public static class QqSendReply
{
    public const int FriendNotFound = 100;
    public const int GroupNotFound = 101;
    public const int DiscussNotFound = 102;
    public const int GroupMemberNotFound = 103;
    public const int DiscussMemberNotFound = 104;
    public const int SessTargetNotFound = 105;

    public static IResult Receipt(SendReceipt receipt)
    {
        if (receipt.RefusedIn is { } state)
        {
            return AccountGate.Refusal(state); // the account is not running: as the gate would have answered
        }
        if (receipt.Code is >= FriendNotFound and <= SessTargetNotFound)
        {
            return NotFound(receipt.Code, receipt.Status);
        }
        return new MojoStreamedReply(json =>
        {
            json.WriteStartObject();
            // Mojo-Webqq's ids are numbers; OneBot's message_id is an integer too.
            if (long.TryParse(receipt.Id, out var number))
            {
                json.WriteNumber(ReplyJsonNames.Id, number);
            }
            else
            {
                json.WriteString(ReplyJsonNames.Id, receipt.Id);
            }
            json.WriteNumber(ReplyJsonNames.Code, receipt.Code);
            json.WriteString(ReplyJsonNames.Status, receipt.Code == SendCodes.Success ? "发送成功" : "发送失败");
            json.WriteString(ReplyJsonNames.Info, receipt.Status);
            json.WriteEndObject();
        });
    }

    public static MojoReply NotFound(int code, string status) => MojoReply.SendError(code, status);

    public static MojoReply FriendMissing() => NotFound(FriendNotFound, "friend not found");

    public static MojoReply GroupMissing() => NotFound(GroupNotFound, "group not found");

    /// <summary>Mojo's text has two spaces.</summary>
    public static MojoReply SessTargetMissing() => NotFound(SessTargetNotFound, "discuss member or group member  not found");
}
