namespace OpenWxCluster.Cluster.Tests.Qq;

/// <summary>
/// Liveness judged from the account's status while the emulator's bot goes offline and returns (own fixture: the
/// bot's online flag is emulator-wide).
/// </summary>
public sealed class QqLivenessTests(QqClusterFixture fx) : IClassFixture<QqClusterFixture>
{
    [Fact]
    public async Task An_implementation_whose_QQ_account_logs_out_makes_the_account_offline_until_it_returns()
    {
        var account = fx.Grains.GetGrain<IQqAccountGrain>(AccountKey.For(AccountKey.QQ, "qq_probe"));
        Assert.True((await account.StartAsync(StartOptions.None with { Qq = fx.Upstream() })).StartedNow);
        await QqAccountGrainTests.WaitForStateAsync(account, ClientState.Running);
        var firstRun = (await account.GetStatusAsync()).RunningSince;
        Assert.NotNull(firstRun);

        fx.World.SetOnline(QqClusterFixture.Bot, false);
        await QqAccountGrainTests.WaitForStateAsync(account, ClientState.Offline);
        var offline = await account.GetStatusAsync();
        Assert.Equal((ClientState.Running, OfflineCauses.NotLoggedIn), (offline.PreviousState, offline.OfflineCause));
        Assert.Null(offline.RunningSince); // the console's uptime is empty while offline
        var refused = await account.SendFriendTextAsync(new FriendLookup(Uid: "20001"), "while offline");
        Assert.Equal((-2, "client is not running (state: offline)"), (refused.Code, refused.Status));

        fx.World.SetOnline(QqClusterFixture.Bot, true);
        await QqAccountGrainTests.WaitForStateAsync(account, ClientState.Running);
        var back = await account.GetStatusAsync();
        Assert.Null(back.OfflineCause);
        Assert.True(back.RunningSince > firstRun, "uptime did not restart when the account came back");
        Assert.Equal(0, (await account.SendFriendTextAsync(new FriendLookup(Uid: "20001"), "back")).Code);
        Assert.Null((await account.StopAsync()).RunningSince);
    }
}
