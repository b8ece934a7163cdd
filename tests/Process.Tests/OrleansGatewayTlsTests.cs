using OpenWxCluster.TestKit;

namespace OpenWxCluster.Process.Tests;

/// <summary>
/// The silos' gateway takes only clients whose certificate chains to the cluster CA (mutual TLS): an Orleans client
/// without TLS, with TLS but no certificate, or with a certificate from another CA cannot call a grain, so it can
/// neither stop an account nor send through it — judged from the client (its calls fail) and from the cluster (the
/// account still runs, the emulator recorded no message).
/// </summary>
[Collection(ProcessCollection.Name)]
public sealed class OrleansGatewayTlsTests(ProcessClusterFixture fixture)
{
    [Theory]
    [InlineData("plain")]
    [InlineData("nocert")]
    [InlineData("foreign")]
    public async Task Client_without_a_cluster_certificate_cannot_call_a_grain(string kind)
    {
        var world = fixture.Emulator.World;
        var client = "tls_" + kind;
        world.CreateAccountWithFriend(client, "TlsPal" + kind);
        var silo = fixture.AnyAlive;
        var api = new OpenWxHttpApi(silo.Http);
        await api.LoginAsync(world, client, client + "_bot");

        await using var intruder = kind switch
        {
            "plain" => new ExternalOrleansClient(silo, fixture.Settings, ClientIdentity.Plain),
            "nocert" => new ExternalOrleansClient(silo, fixture.Settings, ClientIdentity.NoCertificate),
            _ => new ExternalOrleansClient(silo, fixture.Settings, ClientIdentity.Certificate,
                TestCertificates.Create(Path.Combine(fixture.LogDirectory, "intruder-ca"), "intruder-ca").Node),
        };
        var refused = await Record.ExceptionAsync(async () =>
        {
            await intruder.StartAsync();
            var account = intruder.Grains.GetGrain<IWxAccountGrain>(AccountKey.WeChatClient(client));
            await account.SendFriendTextAsync(new FriendLookup(DisplayName: "TlsPal" + kind), "sent by an intruder");
            await account.StopAsync();
        });

        Assert.NotNull(refused);
        Assert.Equal("running", await api.StateAsync(client));
        Assert.DoesNotContain(world.GetSent(client + "_bot"), m => m.Content == "sent by an intruder");
    }
}
