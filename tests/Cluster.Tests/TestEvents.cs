namespace OpenWxCluster.Cluster.Tests;

/// <summary>Events the tests feed an inbox or a webhook grain directly, as the account's outbox would.</summary>
internal static class TestEvents
{
    public static AccountEvent Message(string key, long seq, string content) => new()
    {
        AccountKey = key,
        Seq = seq,
        PostType = AccountEvent.ReceiveMessage,
        Params = [],
        Message = new ChatMessage { Id = "m" + seq, Content = content, Type = "friend_message", Class = "recv", SenderId = "@pal" },
        Time = DateTimeOffset.UtcNow,
    };
}
