using System.Text.Json.Nodes;
using OpenWxCluster.Media;

namespace OpenWxCluster.WebFront.Tests;

/// <summary>post_api bodies and reply reading as Mojo's Openwx plugin has them.</summary>
public sealed class WebhookFormatTests
{
    private static readonly FileMediaStore Store = new(
        new MediaStoreOptions { Folder = Path.Combine(Path.GetTempPath(), "openwx-webfront-tests-" + Environment.ProcessId) }, TimeProvider.System);

    private readonly MojoWebhookFormat _format = new(Store);

    [Fact]
    public async Task A_message_post_is_the_check_event_entry_and_media_data_is_read_from_the_store_unless_post_media_data_is_0()
    {
        var stored = await Store.PutAsync(new MediaKey("wx/bot", "m1"), "image/png", "m1.png", new byte[] { 0, 1, 2 });
        var e = new AccountEvent
        {
            AccountKey = "wx/bot",
            Seq = 7,
            PostType = AccountEvent.ReceiveMessage,
            Message = new ChatMessage
            {
                Id = "m1",
                Content = "[图片]",
                Format = "media",
                SenderId = "@a",
                Extra = new Dictionary<string, string> { ["media_path"] = stored.Path, ["media_type"] = "image" },
            },
            Time = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000),
        };

        var full = JsonNode.Parse(await _format.RenderAsync(e, includeMediaData: true, CancellationToken.None))!;
        var lean = JsonNode.Parse(await _format.RenderAsync(e, includeMediaData: false, CancellationToken.None))!;

        Assert.Equal(EventJson.Event(e).ToJsonString(), lean.ToJsonString());
        Assert.Equal("receive_message", (string?)full["post_type"]);
        Assert.Equal("wx/bot:7", (string?)full["event_id"]);
        Assert.Equal("AAEC", (string?)full["media_data"]);
        Assert.Null(lean["media_data"]);
        Assert.Equal("image", (string?)lean["media_type"]);
    }

    [Theory]
    [InlineData("application/json", """{"reply":"hi"}""", "hi", null)]
    [InlineData("text/json", """{"reply":"hi","media":"https://x/y.png"}""", "hi", "https://x/y.png")]
    [InlineData("application/json", """{"reply":42}""", "42", null)]
    [InlineData("application/json", """{"media":"/etc/passwd"}""", null, null)]
    [InlineData("application/json", """{"reply":""}""", null, null)]
    [InlineData("application/json", """{"reply":{"text":"x"}}""", null, null)]
    [InlineData("text/plain", """{"reply":"hi"}""", null, null)]
    [InlineData(null, """{"reply":"hi"}""", null, null)]
    [InlineData("application/json", "not json", null, null)]
    [InlineData("application/json", "[1,2]", null, null)]
    [InlineData("application/json", "", null, null)]
    public void A_reply_is_read_only_from_json_answers(string? contentType, string body, string? text, string? media)
    {
        var reply = _format.ReadReply(AccountKey.WeChat, contentType, body);
        Assert.Equal(text, reply?.Text);
        Assert.Equal(media, reply?.MediaUrl);
    }
}
