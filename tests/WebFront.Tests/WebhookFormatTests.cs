using System.Text.Json.Nodes;
using OpenWxCluster.Grains;

namespace OpenWxCluster.WebFront.Tests;

/// <summary>post_api bodies and reply reading as Mojo's Openwx plugin has them.</summary>
public sealed class WebhookFormatTests
{
    private readonly MojoWebhookFormat _format = new();

    [Fact]
    public void A_message_post_is_the_check_event_entry_and_media_data_goes_with_post_media_data_0()
    {
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
                Extra = new Dictionary<string, string> { ["media_data"] = "AAEC", ["media_type"] = "image" },
            },
            Time = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000),
        };

        var full = JsonNode.Parse(_format.Render(e, includeMediaData: true))!;
        var lean = JsonNode.Parse(_format.Render(e, includeMediaData: false))!;

        Assert.Equal(EventJson.Event(e).ToJsonString(), full.ToJsonString());
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
        var reply = _format.ReadReply(contentType, body);
        Assert.Equal(text, reply?.Text);
        Assert.Equal(media, reply?.MediaUrl);
    }
}
