using System.Text.Json;
using OpenWxCluster.QqEmulator.World;
using OpenWxCluster.TestKit;
using static OpenWxCluster.Cluster.Tests.Qq.OpenqqEventTests;

namespace OpenWxCluster.Cluster.Tests.Qq;

/// <summary>
/// post_message_filter on a QQ account is judged on the Openqq JSON: a filter on <c>sender_uid</c> (always empty in
/// Openwx's JSON) and seed 003's <c>msg_class</c> (absent there) lets exactly the matching messages through to a
/// real post_api receiver and to check_event.
/// </summary>
public sealed class OpenqqMessageFilterTests(QqClusterFixture fx) : IClassFixture<QqClusterFixture>
{
    [Fact]
    public async Task Only_messages_whose_Openqq_fields_match_the_filter_are_posted_and_queued()
    {
        await using var hook = await WebhookReceiver.StartAsync();
        await fx.StartClientAsync(("post_api", hook.Url), ("post_message_filter", """{"sender_uid":"20003","msg_class":"recv"}"""));

        var alice = fx.World.UserSendsPrivate(QqClusterFixture.Alice, QqClusterFixture.Bot, [MessageSegment.Text("from alice")]);
        var carol = fx.World.UserSendsPrivate(QqClusterFixture.Carol, QqClusterFixture.Bot, [MessageSegment.Text("from carol")]);
        var bob = fx.World.UserSendsGroup(QqClusterFixture.Bob, QqClusterFixture.Team, [MessageSegment.Text("bob in team")]);
        var carolInClub = fx.World.UserSendsGroup(QqClusterFixture.Carol, QqClusterFixture.Club, [MessageSegment.Text("carol in club")]);
        var sent = await fx.Api.GetAsync("send_friend_message", ("client", QqClusterFixture.Client), ("uid", "20003"), ("content", "to carol"));
        Assert.Equal(0, sent.GetProperty("code").GetInt32());
        var barrier = fx.World.UserSendsPrivate(QqClusterFixture.Carol, QqClusterFixture.Bot, [MessageSegment.Text("carol barrier")]);

        await Eventually.TrueAsync(() => Task.FromResult(hook.Posts.Any(p => p.Content == "carol barrier")), TimeSpan.FromSeconds(30), "the barrier posted");
        string[] expected = [Id(carol), Id(carolInClub), Id(barrier)];
        Assert.Equal(expected, hook.Posts.Where(p => p.PostType is "receive_message" or "send_message").Select(p => p.Json.GetProperty("id").GetString()));
        var queued = new List<string?>();
        while (!queued.Contains(Id(barrier)))
        {
            var events = await fx.Api.GetAsync("check_event", ("client", QqClusterFixture.Client));
            queued.AddRange(events.EnumerateArray().Where(e => S(e, "post_type") is "receive_message" or "send_message").Select(e => S(e, "id")));
        }
        Assert.Equal(expected, queued);
        Assert.DoesNotContain(Id(alice), queued);
        Assert.DoesNotContain(Id(bob), queued);
    }
}
