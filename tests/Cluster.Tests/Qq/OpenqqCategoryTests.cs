using System.Net.Http.Json;
using OpenWxCluster.QqEmulator;
using OpenWxCluster.QqEmulator.World;
using static OpenWxCluster.Cluster.Tests.Qq.OpenqqEventTests;

namespace OpenWxCluster.Cluster.Tests.Qq;

/// <summary>
/// Friend categories: read from NapCat's get_friends_with_category (the emulator answers it like NapCat), and left
/// empty, friends still loaded, against an implementation that lacks it (an emulator answering 404 for it).
/// </summary>
public sealed class OpenqqCategoryTests(QqClusterFixture fx) : IClassFixture<QqClusterFixture>
{
    [Fact]
    public async Task Friends_carry_the_category_napcat_names()
    {
        using (var control = new HttpClient { BaseAddress = fx.Emulator.BaseUri })
        {
            using var moved = await control.PutAsJsonAsync(
                $"control/bots/{QqClusterFixture.Bot}/friends/{QqClusterFixture.Carol}/category", new { categoryId = 3, name = "同事" });
            moved.EnsureSuccessStatusCode();
        }
        await fx.StartClientAsync();

        var friends = await fx.Api.GetAsync("get_friend_info", ("client", QqClusterFixture.Client));

        Assert.Equal(["20001:我的好友", "20003:同事"], friends.EnumerateArray().Select(f => $"{S(f, "uid")}:{S(f, "category")}").Order());
    }

    [Fact]
    public async Task Without_get_friends_with_category_the_plain_list_is_read_and_categories_stay_empty()
    {
        await using var plain = await QqEmulatorHost.StartAsync(new QqEmulatorOptions
        {
            UnsupportedActions = new HashSet<string>(StringComparer.Ordinal) { "get_friends_with_category" },
        });
        plain.World.CreateBot(40001, "Plain bot");
        plain.World.CreateUser(new QqUser(40002, "Erin"));
        plain.World.CreateFriendship(40001, 40002);
        const string client = "qq_plain";
        var started = await fx.Api.GetAsync("start_client", ("client", client), ("onebot_url", plain.BaseUri.ToString().TrimEnd('/')));
        Assert.Equal(0, started.GetProperty("code").GetInt32());
        await fx.Api.WaitForStateAsync(client, "running");

        var friends = await fx.Api.GetAsync("get_friend_info", ("client", client));

        var erin = Assert.Single(friends.EnumerateArray());
        Assert.Equal(("40002", "Erin", ""), (S(erin, "uid"), S(erin, "name"), S(erin, "category")));
        await fx.Api.GetAsync("stop_client", ("client", client));
    }
}
