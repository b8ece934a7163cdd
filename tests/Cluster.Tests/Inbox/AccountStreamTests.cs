using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Streams;
using OpenWxCluster.Grains.Options;
using OpenWxCluster.TestKit;

namespace OpenWxCluster.Cluster.Tests.Inbox;

/// <summary>
/// The account's Orleans stream (OpenWx:Inbox:Stream): another Orleans client subscribed to it sees each event of the
/// account once, in order. Off by default, so this test's cluster switches it on.
/// </summary>
public sealed class AccountStreamTests
{
    [Fact]
    public async Task An_orleans_client_subscribed_to_the_account_stream_sees_each_sent_and_received_message_once()
    {
        await using var run = await IsolatedRun.StartAsync(silo: silo => silo.Services.Configure<EventInboxOptions>(o => o.Stream = true));
        var world = run.Fixture.Emulator.World;
        world.CreateAccountWithFriend("streamed", "StreamPal");
        await run.Api.LoginAsync(world, "streamed", "streamed_bot");

        var seen = new ConcurrentQueue<AccountEvent>();
        var stream = run.Fixture.Cluster.Client.GetStreamProvider(OrleansNames.StreamProvider)
            .GetStream<AccountEvent>(StreamId.Create(OrleansNames.AccountEvents, AccountKey.For(AccountKey.WeChat, "streamed")));
        var subscription = await stream.SubscribeAsync((e, _) =>
        {
            seen.Enqueue(e);
            return Task.CompletedTask;
        });
        try
        {
            var sent = await run.Api.GetAsync("send_friend_message", ("client", "streamed"), ("displayname", "StreamPal"), ("content", "out via stream"));
            Assert.Equal(0, sent.GetProperty("code").GetInt32());
            world.SendText("streamed_pal", "streamed_bot", "in via stream");

            await Eventually.TrueAsync(() => Task.FromResult(seen.Any(e => e.Message?.Content == "in via stream")), TimeSpan.FromSeconds(30), "the received message on the stream");
            var messages = seen.Where(e => e.Message is not null).ToList();
            Assert.Equal(["out via stream", "in via stream"], messages.Select(e => e.Message!.Content));
            Assert.Equal(AccountEvent.SendMessage, messages[0].PostType);
            Assert.Equal(sent.GetProperty("id").GetString(), messages[0].Message!.Id);
            Assert.Equal(seen.Select(e => e.Seq).Distinct().Count(), seen.Count);
        }
        finally
        {
            await subscription.UnsubscribeAsync();
        }
    }
}
