using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using OpenWxCluster.QqProtocol.Events;
using OpenWxCluster.QqEmulator.World;
using static OpenWxCluster.Cluster.Tests.Qq.OpenqqEventTests;

namespace OpenWxCluster.Cluster.Tests.Qq;

/// <summary>
/// OneBot notices the emulator's control API produces (mute, recall, group card) read back by an Openqq check_event
/// consumer, each counted by identity up to a barrier message sent after it; the account's own role in basic group
/// info; seed 003's msg_* names on messages.
/// </summary>
public sealed class OpenqqNoticeTests(QqClusterFixture fx) : IClassFixture<QqClusterFixture>, IAsyncLifetime
{
    private const string Client = QqClusterFixture.Client;
    private readonly HttpClient _control = new() { BaseAddress = fx.Emulator.BaseUri };

    public Task InitializeAsync() => fx.StartClientAsync();

    public Task DisposeAsync()
    {
        _control.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_mute_and_its_lifting_are_one_member_property_change_each()
    {
        await ControlAsync(HttpMethod.Put, $"groups/{QqClusterFixture.Team}/members/{QqClusterFixture.Bob}/ban", new { operatorId = QqClusterFixture.Alice, duration = 600 });
        await ControlAsync(HttpMethod.Put, $"groups/{QqClusterFixture.Team}/members/{QqClusterFixture.Bob}/ban", new { operatorId = QqClusterFixture.Alice, duration = 0 });

        var entries = await CollectUntilBarrierAsync("barrier ban");

        var changes = entries.Where(e => S(e, "event") == "group_member_property_change" && Param(e, 1) == "shutup_time").ToList();
        Assert.Equal(["20002:600:30001", "20002:0:30001"], changes.Select(e => $"{S(e.GetProperty("params")[0], "uid")}:{Param(e, 3)}:{S(e.GetProperty("params")[4], "uid")}"));
    }

    [Fact]
    public async Task A_recall_is_one_revoke_message_naming_the_recalled_id_in_a_group_and_from_a_friend()
    {
        var inGroup = fx.World.UserSendsGroup(QqClusterFixture.Carol, QqClusterFixture.Club, [MessageSegment.Text("oops in club")]);
        var privately = fx.World.UserSendsPrivate(QqClusterFixture.Alice, QqClusterFixture.Bot, [MessageSegment.Text("oops to you")]);
        await ControlAsync(HttpMethod.Post, $"messages/{inGroup.MessageId}/recall", new { operatorId = QqClusterFixture.Carol });
        await ControlAsync(HttpMethod.Post, $"messages/{privately.MessageId}/recall", new { operatorId = QqClusterFixture.Alice });

        var entries = await CollectUntilBarrierAsync("barrier recall");

        var revokes = entries.Where(e => S(e, "format") == "revoke").ToList();
        Assert.Equal([Id(inGroup), Id(privately)], revokes.Select(e => S(e, "revoke_id")));
        var group = revokes[0];
        Assert.Equal(("receive_message", "group_message", "recv", "20003", "30002", "[撤回消息](Carol 撤回了一条消息)"),
            (S(group, "post_type"), S(group, "type"), S(group, "class"), S(group, "sender_uid"), S(group, "group_uid"), S(group, "content")));
        var friend = revokes[1];
        Assert.Equal(("friend_message", "20001", "10001", "[撤回消息](Alice 撤回了一条消息)"),
            (S(friend, "type"), S(friend, "sender_uid"), S(friend, "receiver_uid"), S(friend, "content")));
    }

    [Fact]
    public async Task A_card_change_is_one_member_property_change_and_shows_in_get_group_info()
    {
        await ControlAsync(HttpMethod.Put, $"groups/{QqClusterFixture.Club}/members/{QqClusterFixture.Carol}/card", new { card = "Carol in Club" });

        var entries = await CollectUntilBarrierAsync("barrier card");

        var change = Assert.Single(entries, e => S(e, "event") == "group_member_property_change" && Param(e, 1) == "card");
        var member = change.GetProperty("params")[0];
        Assert.Equal(("20003", "Carol in Club", "", "Carol in Club", "30002"),
            (S(member, "uid"), S(member, "card"), Param(change, 2), Param(change, 3), S(change.GetProperty("params")[4], "uid")));
        var groups = await fx.Api.GetAsync("get_group_info", ("client", Client));
        var club = groups.EnumerateArray().Single(g => S(g, "uid") == "30002");
        Assert.Equal("Carol in Club", S(club.GetProperty("member").EnumerateArray().Single(m => S(m, "uid") == "20003"), "card"));
    }

    [Fact]
    public async Task Basic_group_info_carries_the_accounts_own_role()
    {
        var basic = await fx.Api.GetAsync("get_group_basic_info", ("client", Client));

        var roles = basic.EnumerateArray().ToDictionary(g => S(g, "uid")!, g => S(g, "role"));
        Assert.Equal(("admin", "owner"), (roles["30001"], roles["30002"]));
    }

    [Fact]
    public async Task Messages_carry_seed_003s_msg_names_beside_the_new_ones()
    {
        var hello = fx.World.UserSendsPrivate(QqClusterFixture.Alice, QqClusterFixture.Bot, [MessageSegment.Text("old names")]);

        var entries = await CollectUntilBarrierAsync("barrier names");

        var message = Assert.Single(entries, e => S(e, "id") == Id(hello));
        Assert.Equal((Id(hello), S(message, "time"), "recv"), (S(message, "msg_id"), S(message, "msg_time"), S(message, "msg_class")));
        Assert.Equal(hello.Time.ToString(CultureInfo.InvariantCulture), S(message, "msg_time"));
    }

    [Fact]
    public async Task A_new_friend_is_one_new_friend_event_with_their_name_and_a_repeated_notice_changes_nothing()
    {
        const long dave = 20009;
        fx.World.CreateUser(new QqUser(dave, "Dave"));
        fx.World.CreateFriendship(QqClusterFixture.Bot, dave);
        // An implementation that reports again a friend_add for a friend the account loaded already (NapCat after a
        // reconnect, or a notice queued before the account started).
        var replay = Encoding.UTF8.GetBytes(
            $$"""{"time":{{DateTimeOffset.UtcNow.ToUnixTimeSeconds()}},"self_id":{{QqClusterFixture.Bot}},"post_type":"notice","notice_type":"friend_add","user_id":{{QqClusterFixture.Alice}}}""");
        using var post = new HttpRequestMessage(HttpMethod.Post, "onebot/" + Client) { Content = new ByteArrayContent(replay) };
        post.Content.Headers.ContentType = new("application/json");
        post.Headers.Add("X-Self-ID", QqClusterFixture.Bot.ToString(CultureInfo.InvariantCulture));
        post.Headers.Add("X-Signature", OneBotSignature.Compute(QqClusterFixture.Secret, replay));
        using (var answer = await fx.Http.SendAsync(post))
        {
            Assert.Equal(System.Net.HttpStatusCode.NoContent, answer.StatusCode);
        }

        var entries = await CollectUntilBarrierAsync("barrier friends");

        var added = Assert.Single(entries, e => S(e, "event") == "new_friend");
        Assert.Equal(("20009", "Dave"), (S(added.GetProperty("params")[0], "uid"), S(added.GetProperty("params")[0], "name")));
        var friends = await fx.Api.GetAsync("get_friend_info", ("client", Client));
        var names = friends.EnumerateArray().ToDictionary(f => S(f, "uid")!, f => S(f, "name"));
        Assert.Equal(("Dave", "Alice"), (names["20009"], names["20001"]));
    }

    private async Task ControlAsync(HttpMethod method, string path, object body)
    {
        using var response = await _control.SendAsync(new HttpRequestMessage(method, "control/" + path) { Content = JsonContent.Create(body) });
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Sends a barrier message from Carol, then reads check_event until it: everything queued before is in.</summary>
    private async Task<List<JsonElement>> CollectUntilBarrierAsync(string text)
    {
        var barrier = Id(fx.World.UserSendsPrivate(QqClusterFixture.Carol, QqClusterFixture.Bot, [MessageSegment.Text(text)]));
        var collected = new List<JsonElement>();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            var events = await fx.Api.GetAsync("check_event", ("client", Client));
            collected.AddRange(events.EnumerateArray().Select(e => e.Clone()));
            if (collected.Any(e => S(e, "id") == barrier))
            {
                return collected;
            }
        }
        throw new TimeoutException($"barrier {text} never reached check_event");
    }

    private static string? Param(JsonElement e, int index) => e.GetProperty("params")[index] is var p && p.ValueKind == JsonValueKind.String ? p.GetString() : p.ToString();
}
