using OpenWxCluster.Emulator.Control;
using OpenWxCluster.TestKit;

namespace OpenWxCluster.Process.Tests;

/// <summary>
/// A separate Orleans client host, holding a certificate from the cluster CA, calls the published grain interfaces
/// of the silo processes (refusals without one: <see cref="OrleansGatewayTlsTests"/>).
/// </summary>
[Collection(ProcessCollection.Name)]
public sealed class OrleansClientTests(ProcessClusterFixture fixture)
{
    [Fact]
    public async Task External_client_with_a_cluster_certificate_reads_status_user_friends_and_sends_through_the_grain_interfaces()
    {
        var world = fixture.Emulator.World;
        world.CreateUser(new CreateUserRequest { Wxid = "oc_pal", NickName = "OcPal" });
        world.CreateUser(new CreateUserRequest { Wxid = "oc_bot", NickName = "OcBot", Friends = ["oc_pal"] });
        var silo = fixture.AnyAlive;
        await new OpenWxHttpApi(silo.Http).LoginAsync(world, "oc", "oc_bot");

        await using var client = new ExternalOrleansClient(silo, fixture.Settings, ClientIdentity.Certificate, fixture.Settings.Certificates.Node);
        await client.StartAsync();
        var grains = client.Grains;
        var key = AccountKey.WeChatClient("oc");
        var account = grains.GetGrain<IWxAccountGrain>(key);

        var status = await account.GetStatusAsync();
        Assert.Equal(ClientState.Running, status.State);
        Assert.Equal("oc", status.Client);
        Assert.NotNull(status.StartTime);
        Assert.False(string.IsNullOrEmpty(status.Silo));

        var user = await account.GetUserAsync();
        Assert.NotNull(user);
        Assert.Equal("OcBot", user.Name);
        Assert.StartsWith("@", user.Id);

        var friends = await grains.GetGrain<IFriendsGrain>(key).GetAllAsync();
        var pal = Assert.Single(friends, f => f.Name == "OcPal");
        Assert.StartsWith("@", pal.Id);

        var receipt = await account.SendFriendTextAsync(new FriendLookup(DisplayName: "OcPal"), "hello via orleans");
        Assert.Equal(0, receipt.Code);
        Assert.Equal("success", receipt.Status);
        Assert.EndsWith(":" + pal.Id, receipt.Id);
        Assert.Contains(world.GetSent("oc_bot"), m => m.Content == "hello via orleans" && m.To == "oc_pal");
    }
}
