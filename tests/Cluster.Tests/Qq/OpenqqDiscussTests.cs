using System.Globalization;
using System.Text.Json;
using OpenWxCluster.QqEmulator.World;
using OpenWxCluster.TestKit;
using static OpenWxCluster.Cluster.Tests.Qq.OpenqqEventTests;

namespace OpenWxCluster.Cluster.Tests.Qq;

/// <summary>
/// Discuss groups end to end: the emulator's discuss messages reach check_event once, the account learns the discuss
/// and its speakers (get_discuss_info), and discuss sends and the discuss form of sess reach the emulator, judged
/// from what it recorded. Discuss 40001 "Talk": the bot, Alice (a friend) and Bob (not a friend).
/// </summary>
public sealed class OpenqqDiscussTests(QqClusterFixture fx) : IClassFixture<QqClusterFixture>, IAsyncLifetime
{
    private const string Client = QqClusterFixture.Client;
    private const long Talk = 40001;

    public async Task InitializeAsync()
    {
        if (fx.World.GetDiscuss(Talk) is null)
        {
            fx.World.CreateDiscuss(Talk, "Talk", [QqClusterFixture.Bot, QqClusterFixture.Alice, QqClusterFixture.Bob]);
        }
        await fx.StartClientAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Discuss_messages_reach_check_event_once_and_get_discuss_info_lists_the_learned_discuss()
    {
        var alice = fx.World.UserSendsDiscuss(QqClusterFixture.Alice, Talk, [MessageSegment.Text("hi all "), new MessageSegment("face", new Dictionary<string, string> { ["id"] = "14" })]);
        var bob = fx.World.UserSendsDiscuss(QqClusterFixture.Bob, Talk, [MessageSegment.Text("me too")]);
        var barrier = fx.World.UserSendsPrivate(QqClusterFixture.Carol, QqClusterFixture.Bot, [MessageSegment.Text("discuss barrier")]);

        var messages = await CollectUntilAsync(barrier.MessageId);
        // Earlier tests' discuss messages may still wait in check_event: judged by identity.
        Assert.Equal([Id(alice), Id(bob)], messages.Select(m => S(m, "id")).Where(id => id == Id(alice) || id == Id(bob)));
        Assert.All(messages.Where(m => S(m, "id") == Id(bob)), m => Assert.Equal("discuss_message", S(m, "type")));
        var first = messages.Single(m => S(m, "id") == Id(alice));
        Assert.Equal(("receive_message", "recv", "hi all [微笑]"), (S(first, "post_type"), S(first, "class"), S(first, "content")));
        // OneBot's event has no discuss name: the id stands in.
        Assert.Equal(("40001", "40001"), (S(first, "discuss_id"), S(first, "discuss")));
        Assert.Equal(("20001", "20001", "Alice"), (S(first, "sender_id"), S(first, "sender_uid"), S(first, "sender")));
        Assert.Equal("10001", S(first, "receiver_uid"));
        Assert.False(first.TryGetProperty("group_id", out _));

        var discuss = Assert.Single((await fx.Api.GetAsync("get_discuss_info", ("client", Client))).EnumerateArray());
        Assert.Equal(("40001", "40001", "40001", "40001"), (S(discuss, "id"), S(discuss, "did"), S(discuss, "name"), S(discuss, "dname")));
        Assert.Equal(["20001:Alice:40001", "20002:Bob:40001"],
            discuss.GetProperty("member").EnumerateArray().Select(m => $"{S(m, "uid")}:{S(m, "name")}:{S(m, "did")}").Order());
    }

    [Fact]
    public async Task Send_discuss_message_reaches_the_emulators_discuss_once_and_an_unknown_discuss_is_102()
    {
        await LearnAsync(QqClusterFixture.Alice);
        var before = fx.World.SentBy(QqClusterFixture.Bot).Count;

        var byId = await fx.Api.GetAsync("send_discuss_message", ("client", Client), ("id", "40001"), ("content", "by id [微笑]"));
        var byDid = await fx.Api.PostFormAsync("send_discuss_message", ("client", Client), ("did", "40001"), ("content", "by did"), ("client_msg_id", "discuss-key-1"));
        var again = await fx.Api.PostFormAsync("send_discuss_message", ("client", Client), ("did", "40001"), ("content", "by did"), ("client_msg_id", "discuss-key-1"));
        var byName = await fx.Api.GetAsync("send_discuss_message", ("client", Client), ("name", "40001"), ("content", "by name"));
        Assert.All([byId, byDid, byName], r => Assert.Equal((0, "发送成功"), (r.GetProperty("code").GetInt32(), S(r, "status"))));
        Assert.Equal(S(byDid, "id"), S(again, "id"));

        var sent = fx.World.SentBy(QqClusterFixture.Bot).Skip(before).ToList();
        Assert.Equal(
            [(S(byId, "id"), "discuss", (long?)Talk), (S(byDid, "id"), "discuss", Talk), (S(byName, "id"), "discuss", Talk)],
            sent.Select(m => ((string?)Id(m), m.MessageType, m.DiscussId)));
        Assert.Equal("face", sent[0].Message[1].Type);

        Assert.Equal((102, "discuss not found"), Code(await fx.Api.GetAsync("send_discuss_message", ("client", Client), ("id", "49999"), ("content", "x"))));
        Assert.Equal((102, "discuss not found"), Code(await fx.Api.GetAsync("send_discuss_message", ("client", Client), ("content", "x"))));
        Assert.Equal((102, "discuss not found"), Code(await fx.Api.GetAsync("send_discuss_message", ("client", Client), ("id", "49999"), ("content", "x"), ("async", "1"))));
        Assert.Equal(before + 3, fx.World.SentBy(QqClusterFixture.Bot).Count);
    }

    [Fact]
    public async Task Sess_to_a_learned_discuss_member_is_a_private_message_and_an_unknown_member_is_104()
    {
        await LearnAsync(QqClusterFixture.Alice);
        await LearnAsync(QqClusterFixture.Bob);
        var before = fx.World.SentBy(QqClusterFixture.Bot).Count;

        var sess = await fx.Api.GetAsync("send_sess_message", ("client", Client), ("discuss_id", "40001"), ("uid", "20001"), ("content", "psst"));
        Assert.Equal(0, sess.GetProperty("code").GetInt32());
        var recorded = Assert.Single(fx.World.SentBy(QqClusterFixture.Bot).Skip(before));
        Assert.Equal((S(sess, "id"), "private", QqClusterFixture.Alice, (long?)null, "psst"),
            ((string?)Id(recorded), recorded.MessageType, recorded.PeerId, recorded.GroupId, recorded.Message[0].Data["text"]));

        var missing = (104, "discuss member not found");
        Assert.Equal(missing, Code(await fx.Api.GetAsync("send_sess_message", ("client", Client), ("did", "40001"), ("uid", "20003"), ("content", "x"))));
        Assert.Equal(missing, Code(await fx.Api.GetAsync("send_sess_message", ("client", Client), ("discuss_id", "49999"), ("id", "20001"), ("content", "x"))));
        Assert.Equal(missing, Code(await fx.Api.GetAsync("send_sess_message", ("client", Client), ("discuss_id", "40001"), ("content", "x"))));
        // Bob is a learned member but no friend: OneBot has no session through a discuss, and the upstream refuses.
        var refused = await fx.Api.GetAsync("send_sess_message", ("client", Client), ("discuss_id", "40001"), ("uid", "20002"), ("content", "x"));
        Assert.Equal((-3, "发送失败"), (refused.GetProperty("code").GetInt32(), S(refused, "status")));
        Assert.Equal(before + 1, fx.World.SentBy(QqClusterFixture.Bot).Count);
    }

    [Fact]
    public async Task Learned_discusses_are_kept_with_the_account_across_a_reactivation()
    {
        await LearnAsync(QqClusterFixture.Bob);

        await fx.Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);

        var discuss = (await fx.Api.GetAsync("get_discuss_info", ("client", Client))).EnumerateArray().Single(d => S(d, "id") == "40001");
        Assert.Contains("20002", discuss.GetProperty("member").EnumerateArray().Select(m => S(m, "uid")));
        var sent = await fx.Api.GetAsync("send_discuss_message", ("client", Client), ("id", "40001"), ("content", "after reactivation"));
        Assert.Equal(0, sent.GetProperty("code").GetInt32());
    }

    /// <summary>A member speaks in Talk; waits until the account lists them as its member.</summary>
    private async Task LearnAsync(long userId)
    {
        fx.World.UserSendsDiscuss(userId, Talk, [MessageSegment.Text("learn me")]);
        var uid = userId.ToString(CultureInfo.InvariantCulture);
        await Eventually.TrueAsync(
            async () => (await fx.Api.GetAsync("get_discuss_info", ("client", Client))).EnumerateArray()
                .Any(d => S(d, "id") == "40001" && d.GetProperty("member").EnumerateArray().Any(m => S(m, "uid") == uid)),
            TimeSpan.FromSeconds(30), $"{uid} learned as a member of discuss 40001");
    }

    private async Task<List<JsonElement>> CollectUntilAsync(int lastId)
    {
        var collected = new List<JsonElement>();
        var last = lastId.ToString(CultureInfo.InvariantCulture);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            var events = await fx.Api.GetAsync("check_event", ("client", Client));
            collected.AddRange(events.EnumerateArray().Where(e => S(e, "post_type") == "receive_message").Select(e => e.Clone()));
            if (collected.Any(e => S(e, "id") == last))
            {
                return collected;
            }
        }
        throw new TimeoutException($"message {lastId} never reached check_event");
    }

    private static (int, string?) Code(JsonElement e) => (e.GetProperty("code").GetInt32(), S(e, "status"));
}
