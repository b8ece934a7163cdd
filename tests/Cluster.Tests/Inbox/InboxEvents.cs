namespace OpenWxCluster.Cluster.Tests.Inbox;

/// <summary>Events the inbox tests feed an inbox directly, as the account's outbox would.</summary>
internal static class InboxEvents
{
    public static AccountEvent Message(string key, long seq, string content) => new()
    {
        AccountKey = key,
        Seq = seq,
        PostType = AccountEvent.ReceiveMessage,
        Params = [],
        Message = new ChatMessage { Id = "m" + seq, Content = content, Type = "friend_message", Class = "recv" },
        Time = DateTimeOffset.UtcNow,
    };
}
