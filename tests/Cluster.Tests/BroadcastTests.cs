using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using OpenWxCluster.Emulator.Control;
using OpenWxCluster.Grains.Options;
using OpenWxCluster.TestKit;

namespace OpenWxCluster.Cluster.Tests;

/// <summary>
/// id=@all over 300 friends at a broadcast pace, and a full send queue, in a cluster of their own (pace and queue
/// size are silo options); judged by the emulator's sent log.
/// </summary>
public sealed class BroadcastTests
{
    private static readonly TimeSpan Pace = TimeSpan.FromMilliseconds(60);

    [Fact]
    public async Task At_all_reaches_every_friend_once_at_the_pace_while_the_api_keeps_answering()
    {
        await using var run = await IsolatedRun.StartAsync(silo: s => s.Services.Configure<SendOptions>(o => o.BroadcastInterval = Pace));
        var world = run.Fixture.Emulator.World;
        world.CreateUser(new CreateUserRequest { Wxid = "bc_bot", NickName = "BroadcastBot", GeneratedFriends = 300 });
        world.CreateUser(new CreateUserRequest { Wxid = "bc_pub", NickName = "News", PublicAccount = true });
        world.CreateFriendship(new FriendshipRequest("bc_bot", "bc_pub"));
        await run.Api.LoginAsync(world, "bc", "bc_bot");
        var friends = Enumerable.Range(1, 300).Select(i => $"bc_bot_f{i:D5}").ToHashSet();
        var lone = world.ResolveUserName("bc_bot", "bc_bot_f00001").UserName;

        var clock = Stopwatch.StartNew();
        var reply = await run.Api.GetAsync("send_friend_message", ("client", "bc"), ("id", "@all"), ("content", "hello all"));
        Assert.Equal("""{"id":0,"code":0,"status":"request already executed"}""", reply.GetRawText());

        // Meanwhile the account answers reads and takes a single send between the broadcast's messages.
        var user = await run.Api.GetAsync("get_user_info", ("client", "bc"));
        Assert.Equal("BroadcastBot", user.GetProperty("name").GetString());
        var single = await run.Api.GetAsync("send_friend_message", ("client", "bc"), ("id", lone), ("content", "just you"));
        Assert.Equal(0, single.GetProperty("code").GetInt32());

        await Eventually.TrueAsync(
            () => Task.FromResult(world.GetSent("bc_bot").Count(s => s.Content == "hello all") >= 300), TimeSpan.FromMinutes(3), "300 broadcast sends");
        clock.Stop();
        var sent = world.GetSent("bc_bot");
        var broadcast = sent.Where(s => s.Content == "hello all").ToList();
        Assert.Equal(300, broadcast.Count);
        Assert.True(friends.SetEquals(broadcast.Select(s => s.To)), "every friend exactly once");
        Assert.True(
            sent.ToList().FindIndex(s => s.Content == "just you") < sent.ToList().FindLastIndex(s => s.Content == "hello all"),
            "the single send went out before the broadcast ended");
        // 299 gaps of the pace at least: a lower bound, safe on a slow machine.
        Assert.True(clock.Elapsed >= Pace * 299, $"300 paced sends took {clock.Elapsed}");
        await Task.Delay(Pace * 20);
        Assert.Equal(300, world.GetSent("bc_bot").Count(s => s.Content == "hello all"));
    }

    [Fact]
    public async Task At_all_with_media_uploads_once_and_every_friend_receives_the_same_bytes()
    {
        await using var run = await IsolatedRun.StartAsync(silo: s => s.Services.Configure<SendOptions>(o => o.BroadcastInterval = Pace));
        var world = run.Fixture.Emulator.World;
        world.CreateUser(new CreateUserRequest { Wxid = "bm_bot", NickName = "MediaCaster", GeneratedFriends = 3 });
        await run.Api.LoginAsync(world, "bm", "bm_bot");
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3, 4];

        var reply = await run.Api.PostFormAsync(
            "send_friend_message", ("client", "bm"), ("id", "@all"), ("content", "look"), ("media_data", Convert.ToBase64String(png)), ("media_name", "a.png"));

        Assert.Equal("""{"id":0,"code":0,"status":"request already executed"}""", reply.GetRawText());
        await Eventually.TrueAsync(
            () => Task.FromResult(world.GetSent("bm_bot").Count(s => s.MsgType == 3) >= 3), TimeSpan.FromMinutes(1), "3 broadcast images");
        var sent = world.GetSent("bm_bot");
        var images = sent.Where(s => s.MsgType == 3).ToList();
        Assert.Equal(3, images.Select(s => s.To).Distinct().Count());
        Assert.All(images, i => Assert.Equal(png, Convert.FromBase64String(world.GetMessageMedia(i.MsgId).DataBase64)));
        Assert.Equal(3, sent.Count(s => s.Content == "look"));
        Assert.Single(images.Select(i => world.GetMessageMedia(i.MsgId).MediaId).Distinct());
    }

    [Fact]
    public async Task A_full_send_queue_refuses_at_once_and_sends_only_what_it_accepted()
    {
        await using var run = await IsolatedRun.StartAsync(silo: s => s.Services.Configure<SendOptions>(o => o.QueueCapacity = 3));
        var world = run.Fixture.Emulator.World;
        world.CreateUser(new CreateUserRequest { Wxid = "bq_ola", NickName = "Ola" });
        world.CreateUser(new CreateUserRequest { Wxid = "bq_bot", NickName = "QueueBot", Friends = ["bq_ola"] });
        await run.Api.LoginAsync(world, "bq", "bq_bot", ("send_interval", "3"));
        var ola = world.ResolveUserName("bq_bot", "bq_ola").UserName;

        var replies = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            run.Api.GetAsync("send_friend_message", ("client", "bq"), ("id", ola), ("content", $"q{i}"))));

        var codes = replies.Select(r => r.GetProperty("code").GetInt32()).ToList();
        Assert.All(codes, c => Assert.True(c is 0 or -7, $"code {c}"));
        Assert.Contains(-7, codes);
        var refused = replies.First(r => r.GetProperty("code").GetInt32() == -7);
        Assert.StartsWith("send queue full", refused.GetProperty("status").GetString(), StringComparison.Ordinal);
        Assert.Equal(codes.Count(c => c == 0), world.GetSent("bq_bot").Count(s => s.Content.StartsWith('q')));
    }
}
