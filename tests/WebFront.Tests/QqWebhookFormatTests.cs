using OpenWxCluster.Media;

namespace OpenWxCluster.WebFront.Tests;

/// <summary>
/// The webhook format told the platform: a QQ account's post_message_filter is judged on Openqq's JSON, each
/// platform's reply keys are its plugin's own, and a QQ recall renders as Openwx's revoke.
/// </summary>
public sealed class QqWebhookFormatTests
{
    private static readonly ChatMessage FromCarol = new()
    {
        Id = "9", Time = 1_700_000_000, Content = "hi", Type = "friend_message", Class = "recv",
        Sender = "Carol", SenderId = "20003", SenderUid = "20003", Receiver = "Bot", ReceiverId = "10001", ReceiverUid = "10001",
    };

    private readonly MojoWebhookFormat _format = new(new FileMediaStore(
        new MediaStoreOptions { Folder = Path.Combine(Path.GetTempPath(), "openqq-format-tests-" + Environment.ProcessId) }, TimeProvider.System));

    [Theory]
    [InlineData("sender_uid", "20003", true)]
    [InlineData("sender_uid", "20001", false)]
    [InlineData("msg_class", "recv", true)]
    [InlineData("msg_id", "8", false)]
    public void A_qq_filter_is_judged_on_openqq_fields(string key, string value, bool passes)
    {
        var filter = new Dictionary<string, string> { [key] = value };

        Assert.Equal(passes, _format.Passes(AccountKey.QQ, FromCarol, AccountEvent.ReceiveMessage, filter));
    }

    [Fact]
    public void The_same_filter_on_a_wechat_account_sees_openwx_fields()
    {
        // Openwx's sender_uid is always empty, and it has no msg_class to hold a filter key.
        Assert.False(_format.Passes(AccountKey.WeChat, FromCarol, AccountEvent.ReceiveMessage, new Dictionary<string, string> { ["sender_uid"] = "20003" }));
        Assert.True(_format.Passes(AccountKey.WeChat, FromCarol, AccountEvent.ReceiveMessage, new Dictionary<string, string> { ["msg_class"] = "send" }));
    }

    [Fact]
    public void Each_platform_reads_only_its_plugins_reply_keys()
    {
        const string body = """{"reply":"hi","media":"https://x/y.png","shutup":1,"shutup_time":120}""";

        Assert.Equal(new WebhookReply("hi", null, TimeSpan.FromSeconds(120)), _format.ReadReply(AccountKey.QQ, "application/json", body));
        Assert.Equal(new WebhookReply("hi", "https://x/y.png"), _format.ReadReply(AccountKey.WeChat, "application/json", body));
    }

    [Fact]
    public void A_recall_renders_as_a_revoke_with_the_recalled_id()
    {
        var recall = FromCarol with
        {
            Id = "1001:recall", Format = "revoke", Content = "[撤回消息](Carol 撤回了一条消息)",
            Extra = new Dictionary<string, string> { ["revoke_id"] = "1001" },
        };

        var json = QqMessageJson.Message(recall, AccountEvent.ReceiveMessage);

        Assert.Equal(("revoke", "1001", "1001:recall"), ((string?)json["format"], (string?)json["revoke_id"], (string?)json["msg_id"]));
    }
}
