using System.Text.Json;
using OpenWxCluster.QqEmulator.Tests.Support;
using OpenWxCluster.TestKit;

namespace OpenWxCluster.QqEmulator.Tests;

/// <summary>Quick operations in the answer to an event POST, judged from what the bot sent and from the group.</summary>
public sealed class QuickOperationTests
{
    [Fact]
    public async Task A_private_reply_in_the_answer_is_sent_to_the_sender()
    {
        await using var qq = await TestQq.StartAsync();
        qq.Receiver.Answer = p => TestQq.Is(p.Json, "raw_message", "ping") ? (200, """{"reply":"pong [CQ:face,id=1]"}""") : (204, null);

        await qq.ControlAsync("messages/private", new { userId = TestQq.Alice, selfId = TestQq.Bot, message = "ping" });

        var sent = await SentAsync(qq, 1);
        Assert.Equal("pong [CQ:face,id=1]", sent[0].GetProperty("text").GetString());
        Assert.Equal(TestQq.Alice, sent[0].GetProperty("peerId").GetInt64());
    }

    [Fact]
    public async Task A_group_reply_ats_the_sender_and_ban_and_delete_are_done_as_the_bot()
    {
        await using var qq = await TestQq.StartAsync();
        qq.Receiver.Answer = p => TestQq.Is(p.Json, "raw_message", "spam")
            ? (200, """{"reply":"no spam","delete":true,"ban":true,"ban_duration":120}""")
            : (200, "{}");

        var spam = (await qq.ControlAsync($"groups/{TestQq.Team}/messages", new { userId = TestQq.Bob, message = "spam" })).GetProperty("messageId").GetInt32();

        var sent = await SentAsync(qq, 1);
        Assert.Equal($"[CQ:at,qq={TestQq.Bob}] no spam", sent[0].GetProperty("text").GetString());
        var ban = (await qq.EventAsync(e => TestQq.Is(e, "notice_type", "group_ban"))).Json;
        Assert.Equal(120, ban.GetProperty("duration").GetInt64());
        await qq.EventAsync(e => TestQq.Is(e, "notice_type", "group_recall") && e.GetProperty("message_id").GetInt32() == spam);
        Assert.True((await qq.ControlGetAsync($"messages/{spam}")).GetProperty("recalled").GetBoolean());
    }

    [Fact]
    public async Task A_refused_part_is_skipped_and_the_rest_is_done()
    {
        await using var qq = await TestQq.StartAsync();
        // The bot (admin) may not ban the owner, but its reply without at_sender still goes out.
        qq.Receiver.Answer = p => TestQq.Is(p.Json, "raw_message", "boss") ? (200, """{"reply":"yes boss","at_sender":false,"ban":true}""") : (200, "{}");

        await qq.ControlAsync($"groups/{TestQq.Team}/messages", new { userId = TestQq.Alice, message = "boss" });

        Assert.Equal("yes boss", (await SentAsync(qq, 1))[0].GetProperty("text").GetString());
        var owner = (await qq.ControlGetAsync($"groups/{TestQq.Team}")).GetProperty("members").EnumerateArray().Single(m => m.GetProperty("userId").GetInt64() == TestQq.Alice);
        Assert.Equal(0, owner.GetProperty("bannedUntil").GetInt64());
    }

    private static async Task<List<JsonElement>> SentAsync(TestQq qq, int count) =>
        (await Eventually.ValueAsync(
            async () => (await qq.ControlGetAsync($"bots/{TestQq.Bot}/sent")).EnumerateArray().ToList(),
            l => l.Count >= count,
            TimeSpan.FromSeconds(20),
            "the bot's quick reply"))!;
}
