using System.Net;
using System.Text.Json;
using OpenWxCluster.QqEmulator.World;
using static OpenWxCluster.Cluster.Tests.Qq.OpenqqEventTests;

namespace OpenWxCluster.Cluster.Tests.Qq;

/// <summary>
/// Every Openqq route over HTTP against the real grains of a two-silo cluster and the QQ emulator, each answer
/// checked against the world the emulator holds (and what it recorded for sends and administration).
/// </summary>
public sealed class OpenqqRouteTests(QqClusterFixture fx) : IClassFixture<QqClusterFixture>, IAsyncLifetime
{
    private const string Client = QqClusterFixture.Client;

    public Task InitializeAsync() => fx.StartClientAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Read_routes_answer_the_emulators_world_in_both_documents_field_names()
    {
        var user = await fx.Api.GetAsync("get_user_info", ("client", Client));
        Assert.Equal(("10001", "10001", "10001", "Bot"), (S(user, "id"), S(user, "uid"), S(user, "qq"), S(user, "name")));

        var friends = await fx.Api.GetAsync("get_friend_info", ("client", Client));
        Assert.Equal(["20001:Alice", "20003:Carol"], friends.EnumerateArray().Select(f => $"{S(f, "uid")}:{S(f, "name")}").Order());

        var groups = await fx.Api.GetAsync("get_group_info", ("client", Client));
        var team = groups.EnumerateArray().Single(g => S(g, "uid") == "30001");
        Assert.Equal(("Team", "30001", "30001", "20001", "admin"), (S(team, "name"), S(team, "gid"), S(team, "gnumber"), S(team, "owner_uid"), S(team, "role")));
        Assert.Equal(["10001:admin:Bot in Team", "20001:owner:", "20002:attend:Bobby"],
            team.GetProperty("member").EnumerateArray().Select(m => $"{S(m, "uid")}:{S(m, "role")}:{S(m, "card")}").Order());
        var basic = await fx.Api.GetAsync("get_group_basic_info", ("client", Client));
        Assert.All(basic.EnumerateArray(), g => Assert.False(g.TryGetProperty("member", out _)));
        // Judged by the emulator's world (another test of this class may add a group).
        Assert.Equal(
            fx.World.GroupsOf(QqClusterFixture.Bot).Select(g => g.GroupId.ToString(System.Globalization.CultureInfo.InvariantCulture)).Order(),
            basic.EnumerateArray().Select(g => S(g, "uid")).Order());
        Assert.Equal(0, (await fx.Api.GetAsync("get_discuss_info", ("client", Client))).GetArrayLength());

        var found = await fx.Api.GetAsync("search_friend", ("client", Client), ("name", "Carol"));
        Assert.Equal("20003", S(Assert.Single(found.EnumerateArray()), "uid"));
        var byOldName = await fx.Api.GetAsync("search_group", ("client", Client), ("gnumber", "30002"));
        Assert.Equal("Club", S(Assert.Single(byOldName.EnumerateArray()), "name"));

        var info = await fx.Api.GetAsync("get_client_info", ("client", Client));
        Assert.Equal((0, "success", Client), (info.GetProperty("code").GetInt32(), S(info, "status"), S(info, "account")));
        var listed = await fx.Api.GetAsync("check_client");
        var entry = listed.GetProperty("client").EnumerateArray().Single(c => S(c, "client") == Client);
        Assert.Equal("running", S(entry, "state"));
    }

    [Fact]
    public async Task Send_routes_reach_the_emulator_and_answer_Openqq_codes()
    {
        var before = fx.World.SentBy(QqClusterFixture.Bot).Count;
        var friend = await fx.Api.GetAsync("send_friend_message", ("client", Client), ("uid", "20001"), ("content", "hi [微笑]"));
        Assert.Equal((0, "发送成功"), (friend.GetProperty("code").GetInt32(), S(friend, "status")));
        var old = await fx.Api.PostFormAsync("send_message", ("client", Client), ("qq", "20003"), ("content", "003 style"));
        Assert.Equal(0, old.GetProperty("code").GetInt32());
        var group = await fx.Api.GetAsync("send_group_message", ("client", Client), ("gnumber", "30001"), ("content", "to the team"));
        Assert.Equal(0, group.GetProperty("code").GetInt32());
        var sess = await fx.Api.GetAsync("send_sess_message", ("client", Client), ("group_uid", "30001"), ("uid", "20002"), ("content", "psst"));
        Assert.Equal(0, sess.GetProperty("code").GetInt32());

        var sent = fx.World.SentBy(QqClusterFixture.Bot).Skip(before).ToList();
        Assert.Equal(
            [(S(friend, "id"), "private", 20001L, (long?)null), (S(old, "id"), "private", 20003L, null), (S(group, "id"), "group", 0L, 30001L), (S(sess, "id"), "private", 20002L, 30001L)],
            sent.Select(m => ((string?)Id(m), m.MessageType, m.MessageType == "group" ? 0L : m.PeerId, m.GroupId)));
        Assert.Equal("face", sent[0].Message[1].Type);

        Assert.Equal((100, "friend not found"), Code(await fx.Api.GetAsync("send_friend_message", ("client", Client), ("uid", "29999"), ("content", "x"))));
        Assert.Equal((101, "group not found"), Code(await fx.Api.GetAsync("send_group_message", ("client", Client), ("uid", "39999"), ("content", "x"))));
        Assert.Equal((102, "discuss not found"), Code(await fx.Api.GetAsync("send_discuss_message", ("client", Client), ("id", "1"), ("content", "x"))));
        Assert.Equal((103, "group member not found"), Code(await fx.Api.GetAsync("send_sess_message", ("client", Client), ("group_uid", "30001"), ("uid", "20003"), ("content", "x"))));
        Assert.Equal(before + 4, fx.World.SentBy(QqClusterFixture.Bot).Count);
    }

    [Fact]
    public async Task Shutup_and_kick_act_in_the_emulator_and_bad_input_is_refused()
    {
        const long groupId = 30201;
        fx.World.CreateGroup(groupId, "Route admin", QqClusterFixture.Bot);
        fx.World.AddMember(groupId, QqClusterFixture.Alice);
        fx.World.AddMember(groupId, QqClusterFixture.Bob);
        await fx.Api.GetAsync("relogin", ("client", Client));
        await fx.Api.WaitForGroupAsync(Client, g => S(g, "uid") == "30201", "the new group after relogin");

        var muted = await fx.Api.GetAsync("shutup_group_member", ("client", Client), ("group_uid", "30201"), ("member_uid", "20001"), ("time", "2"));
        Assert.Equal(0, muted.GetProperty("code").GetInt32());
        Assert.InRange(fx.World.GetMember(groupId, QqClusterFixture.Alice)!.BannedUntil - DateTimeOffset.UtcNow.ToUnixTimeSeconds(), 100, 121);
        using (var bad = await fx.Http.GetAsync($"openqq/shutup_group_member?client={Client}&group_uid=30201&member_uid=20001&time=2m"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            var json = JsonDocument.Parse(await bad.Content.ReadAsStringAsync()).RootElement;
            Assert.Equal((400, "shutup time missing or error"), (json.GetProperty("code").GetInt32(), S(json, "status")));
        }

        var kicked = await fx.Api.GetAsync("kick_group_member", ("client", Client), ("group_id", "30201"), ("member_id", "20002"));
        Assert.Equal(0, kicked.GetProperty("code").GetInt32());
        Assert.Null(fx.World.GetMember(groupId, QqClusterFixture.Bob));
        Assert.Equal(100, (await fx.Api.GetAsync("kick_group_member", ("client", Client), ("group_uid", "30201"), ("member_uid", "20003"))).GetProperty("code").GetInt32());
        Assert.Equal(201, (await fx.Api.GetAsync("kick_group_member", ("client", Client), ("group_uid", "30001"), ("member_uid", "20001"))).GetProperty("code").GetInt32());
    }

    private static (int, string?) Code(JsonElement e) => (e.GetProperty("code").GetInt32(), S(e, "status"));
}
