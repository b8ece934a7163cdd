using System.Text.RegularExpressions;
using OpenWxCluster.Protocol.Parsing;

namespace OpenWxCluster.Protocol;

/// <summary>Maps raw AddMsgList entries to the Mojo message model (see mojo-reference §3, MsgType mapping).</summary>
public static partial class WxMessageParser
{
    /// <summary>Returns null for message types Mojo drops (40, 48, 50, 52, 53, 9999, unknown AppMsgTypes...).</summary>
    public static WxParsedItem? Parse(WxRawMessage raw, string selfUserName) => Parse(raw, selfUserName, emojiToText: true);

    /// <summary>
    /// As <see cref="Parse(WxRawMessage, string)"/>; <paramref name="emojiToText"/> false renders emoji markers as the
    /// real characters instead of <c>[名称]</c> (Mojo's <c>emoji_to_text=0</c>).
    /// </summary>
    public static WxParsedItem? Parse(WxRawMessage raw, string selfUserName, bool emojiToText)
    {
        ArgumentNullException.ThrowIfNull(raw);
        ArgumentNullException.ThrowIfNull(selfUserName);
        switch (raw.MsgType)
        {
            case 37:
                return raw.RecommendInfo is { } info
                    ? new WxFriendRequestItem(info.UserName, info.NickName, info.Content, info.Ticket)
                    : null;
            case 51:
                return raw.StatusNotifyCode is 2 or 4
                    ? new WxStatusNotifyItem(
                        raw.StatusNotifyCode,
                        raw.StatusNotifyUserName.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                    : null;
        }

        var (envelope, body) = Envelope(raw, selfUserName);
        var message = WxMessageFormatter.Format(raw, envelope, body, emojiToText);
        return message is null ? null : new WxMessageItem(message);
    }

    /// <summary>True for group ids: <c>^@@|@chatroom$</c>.</summary>
    public static bool IsGroupId(string userName) =>
        userName.StartsWith("@@", StringComparison.Ordinal) || userName.EndsWith("@chatroom", StringComparison.Ordinal);

    /// <summary>Direction, type and the ids; for group messages also the member prefix split off the body.</summary>
    private static (WxMessage Envelope, string Body) Envelope(WxRawMessage raw, string self)
    {
        var message = new WxMessage { Id = raw.MsgId, Time = raw.CreateTime };
        var body = raw.Content;
        if (self.Length > 0 && raw.FromUserName == self)
        {
            // Sent from the phone or another device: Mojo reports it as send/outer.
            var toGroup = IsGroupId(raw.ToUserName);
            message = message with
            {
                Class = "send",
                Source = "outer",
                SenderId = self,
                Type = TypeFor(raw, toGroup),
                GroupId = toGroup ? raw.ToUserName : null,
                ReceiverId = toGroup ? null : raw.ToUserName,
            };
            return (message, body);
        }

        var fromGroup = IsGroupId(raw.FromUserName);
        message = message with { Class = "recv", ReceiverId = self, Type = TypeFor(raw, fromGroup) };
        if (!fromGroup)
        {
            return (message with { SenderId = raw.FromUserName }, body);
        }

        message = message with { GroupId = raw.FromUserName };
        var prefix = GroupPrefixRegex().Match(body);
        if (prefix.Success)
        {
            message = message with { SenderId = prefix.Groups[1].Value };
            body = prefix.Groups[2].Value;
        }

        return (message, body);
    }

    private static string TypeFor(WxRawMessage raw, bool group) =>
        group ? (raw.MsgType == 10000 ? "group_notice" : "group_message") : "friend_message";

    [GeneratedRegex("^(@.+?):<br/>(.*)$", RegexOptions.Singleline)]
    private static partial Regex GroupPrefixRegex();
}
