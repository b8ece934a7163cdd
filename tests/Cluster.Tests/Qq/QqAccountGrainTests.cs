using OpenWxCluster.QqEmulator.World;
using OpenWxCluster.TestKit;

namespace OpenWxCluster.Cluster.Tests.Qq;

/// <summary>
/// QQ accounts on real grains (two silos) over the QQ emulator's OneBot HTTP API: start, loading, sends and group
/// administration judged by what the emulator's world recorded; liveness judged by the account's status as the
/// emulator's bot goes offline and comes back. Accounts here use their own client names (events are not posted to
/// them; the intake tests use the fixture's client).
/// </summary>
public sealed class QqAccountGrainTests(QqClusterFixture fx) : IClassFixture<QqClusterFixture>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Start_is_refused_with_the_reason_when_the_implementation_cannot_be_used()
    {
        var unreachable = fx.Grains.GetAccount(AccountKey.For(AccountKey.QQ, "qq_unreachable"));
        var status = await unreachable.StartAsync(StartOptions.None with
        {
            Qq = new QqUpstream($"http://127.0.0.1:{FreePort.Next()}", "", "", QqTransport.HttpPost),
        });
        Assert.Equal(ClientState.Init, status.State);
        Assert.False(status.StartedNow);
        Assert.StartsWith("onebot api unreachable", status.LastError, StringComparison.Ordinal);

        var badToken = fx.Grains.GetAccount(AccountKey.For(AccountKey.QQ, "qq_badtoken"));
        status = await badToken.StartAsync(StartOptions.None with { Qq = fx.Upstream(token: "wrong") });
        Assert.Equal(ClientState.Init, status.State);
        Assert.Equal("onebot api refused the access token", status.LastError);

        var none = await fx.Grains.GetAccount(AccountKey.For(AccountKey.QQ, "qq_noupstream")).StartAsync(StartOptions.None);
        Assert.Equal(ClientState.Init, none.State);
        Assert.True(none.LastError?.Contains("onebot_url", StringComparison.Ordinal), none.ToString());
    }

    [Fact]
    public async Task A_started_account_loads_profile_friends_groups_and_members_then_runs()
    {
        var key = AccountKey.For(AccountKey.QQ, "qq_load");
        var account = fx.Grains.GetGrain<IQqAccountGrain>(key);
        var started = await account.StartAsync(StartOptions.None with { Qq = fx.Upstream() });
        Assert.True(started.StartedNow);
        Assert.Equal("10001", started.Account);
        await WaitForStateAsync(account, ClientState.Running);

        var user = await account.GetUserAsync();
        Assert.Equal(("10001", "10001", "Bot"), (user!.Id, user.Uid, user.Name));
        var friends = await fx.Grains.GetGrain<IFriendsGrain>(key).GetAllAsync();
        Assert.Equal(["20001:Alice", "20003:Carol"], friends.Select(f => $"{f.Uid}:{f.Name}").Order());
        var team = await fx.Grains.GetGrain<IGroupsGrain>(key).FindAsync(new GroupLookup(Uid: "30001"));
        Assert.NotNull(team);
        Assert.Equal(("Team", "20001"), (team.Name, team.OwnerUid));
        Assert.Equal(
            ["10001:admin:Bot in Team", "20001:owner:", "20002:attend:Bobby"],
            team.Members.Select(m => $"{m.Uid}:{m.Role}:{m.Display}").Order());
        var options = await account.GetStartOptionsAsync();
        Assert.Equal(("", ""), (options.Qq!.AccessToken, options.Qq.Secret));
        await account.StopAsync();
    }

    [Fact]
    public async Task Sends_reach_the_emulator_once_with_faces_as_segments_and_unknown_targets_get_Openqq_codes()
    {
        var account = await StartRunningAsync("qq_send");
        var before = fx.World.SentBy(QqClusterFixture.Bot).Count;

        var friend = await account.SendFriendTextAsync(new FriendLookup(Uid: "20001"), "hi [微笑] [not a face]", "key-1");
        Assert.Equal((0, "success"), (friend.Code, friend.Status));
        var again = await account.SendFriendTextAsync(new FriendLookup(Uid: "20001"), "hi [微笑] [not a face]", "key-1");
        Assert.Equal(friend, again);
        var group = await account.SendGroupTextAsync(new GroupLookup(Name: "Team"), "hello team");
        Assert.Equal(0, group.Code);

        var sent = fx.World.SentBy(QqClusterFixture.Bot).Skip(before).ToList();
        Assert.Equal(2, sent.Count);
        Assert.Equal((friend.Id, "private", QqClusterFixture.Alice), (sent[0].MessageId.ToString(System.Globalization.CultureInfo.InvariantCulture), sent[0].MessageType, sent[0].PeerId));
        Assert.Equal(["text:hi ", "face:14", "text: [not a face]"], sent[0].Message.Select(Describe));
        Assert.Equal(("group", (long?)QqClusterFixture.Team), (sent[1].MessageType, sent[1].GroupId));
        Assert.Equal(["text:hello team"], sent[1].Message.Select(Describe));

        Assert.Equal((100, "friend not found"), Code(await account.SendFriendTextAsync(new FriendLookup(Uid: "20002"), "x")));
        Assert.Equal((101, "group not found"), Code(await account.SendGroupTextAsync(new GroupLookup(Uid: "39999"), "x")));
        Assert.Equal((103, "group member not found"), Code(await account.SendSessTextAsync(new GroupLookup(Uid: "30001"), "20003", "x")));
        Assert.Equal(before + 2, fx.World.SentBy(QqClusterFixture.Bot).Count);
        await account.StopAsync();
    }

    [Fact]
    public async Task A_temporary_session_message_goes_to_a_member_who_is_not_a_friend()
    {
        var account = await StartRunningAsync("qq_sess");
        var receipt = await account.SendSessTextAsync(new GroupLookup(Uid: "30001"), "20002", "psst");
        Assert.Equal(0, receipt.Code);
        var sent = fx.World.SentBy(QqClusterFixture.Bot).Single(m => m.MessageId.ToString(System.Globalization.CultureInfo.InvariantCulture) == receipt.Id);
        Assert.Equal(("private", QqClusterFixture.Bob, (long?)QqClusterFixture.Team), (sent.MessageType, sent.PeerId, sent.GroupId));
        await account.StopAsync();
    }

    [Fact]
    public async Task Shutup_and_kick_act_in_the_emulator_and_refuse_unknown_groups_members_and_empty_lists()
    {
        const long group = 30101;
        fx.World.CreateGroup(group, "Admin test", QqClusterFixture.Bot);
        fx.World.AddMember(group, QqClusterFixture.Alice);
        fx.World.AddMember(group, QqClusterFixture.Carol);
        var account = await StartRunningAsync("qq_admin");
        var lookup = new GroupLookup(Uid: "30101");

        var muted = await account.ShutupAsync(lookup, ["20001"], TimeSpan.FromMinutes(2));
        Assert.True(muted.IsSuccess, muted.Status);
        var banned = fx.World.GetMember(group, QqClusterFixture.Alice)!.BannedUntil;
        Assert.InRange(banned - DateTimeOffset.UtcNow.ToUnixTimeSeconds(), 100, 121);

        var kicked = await account.KickAsync(lookup, ["20003"]);
        Assert.True(kicked.IsSuccess, kicked.Status);
        Assert.Null(fx.World.GetMember(group, QqClusterFixture.Carol));
        var cached = await fx.Grains.GetGrain<IGroupsGrain>(AccountKey.For(AccountKey.QQ, "qq_admin")).FindAsync(lookup);
        Assert.DoesNotContain(cached!.Members, m => m.Uid == "20003");

        Assert.Equal((100, "object not found"), Admin(await account.KickAsync(new GroupLookup(Uid: "39999"), ["20001"])));
        Assert.Equal((100, "member 20002 not found"), Admin(await account.KickAsync(lookup, ["20002"])));
        Assert.Equal((200, "member id empty"), Admin(await account.ShutupAsync(lookup, [], TimeSpan.FromMinutes(1))));
        await account.StopAsync();
    }

    [Fact]
    public async Task The_upstream_refusing_an_action_is_a_failure_with_its_retcode()
    {
        var account = await StartRunningAsync("qq_refused");
        // In Team the bot is admin and Alice the owner: the emulator (as QQ) refuses with retcode 102.
        var refused = await account.ShutupAsync(new GroupLookup(Uid: "30001"), ["20001"], TimeSpan.FromMinutes(1));
        Assert.Equal((201, "failure"), Admin(refused));
        Assert.StartsWith("retcode 102", refused.Id, StringComparison.Ordinal);
        await account.StopAsync();
    }

    private async Task<IQqAccountGrain> StartRunningAsync(string client)
    {
        var account = fx.Grains.GetGrain<IQqAccountGrain>(AccountKey.For(AccountKey.QQ, client));
        var started = await account.StartAsync(StartOptions.None with { Qq = fx.Upstream() });
        Assert.True(started.StartedNow, started.LastError);
        await WaitForStateAsync(account, ClientState.Running);
        return account;
    }

    internal static Task WaitForStateAsync(IAccountGrain account, ClientState state) =>
        Eventually.ValueAsync(account.GetStatusAsync, s => s.State == state, Wait, $"state {state}");

    private static (int, string) Code(SendReceipt r) => (r.Code, r.Status);

    private static (int, string) Admin(AdminResult r) => (r.Code, r.Status);

    private static string Describe(MessageSegment s) => s.Type + ":" + (s.Type == "text" ? s.Data["text"] : s.Data.GetValueOrDefault("id") ?? "");
}
