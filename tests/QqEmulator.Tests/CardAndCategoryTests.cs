using System.Net;
using System.Net.Http.Json;
using OpenWxCluster.QqEmulator.Tests.Support;

namespace OpenWxCluster.QqEmulator.Tests;

/// <summary>group_card notices (control API and set_group_card) and NapCat's get_friends_with_category.</summary>
public sealed class CardAndCategoryTests
{
    [Fact]
    public async Task A_card_change_is_reported_as_group_card_with_old_and_new_card()
    {
        await using var qq = await TestQq.StartAsync();

        using (var set = await qq.Http.PutAsJsonAsync($"control/groups/{TestQq.Team}/members/{TestQq.Bob}/card", new { card = "Bobby" }))
        {
            Assert.Equal(HttpStatusCode.NoContent, set.StatusCode);
        }
        var byControl = (await qq.EventAsync(e => TestQq.Is(e, "notice_type", "group_card"))).Json;
        Assert.Equal((TestQq.Bob, TestQq.Team, "Bobby", ""),
            (byControl.GetProperty("user_id").GetInt64(), byControl.GetProperty("group_id").GetInt64(), byControl.GetProperty("card_new").GetString(), byControl.GetProperty("card_old").GetString()));

        await qq.OkAsync("set_group_card", new { group_id = TestQq.Team, user_id = TestQq.Bob, card = "Robert" });
        var byAction = (await qq.EventAsync(e => TestQq.Is(e, "notice_type", "group_card") && TestQq.Is(e, "card_new", "Robert"))).Json;
        Assert.Equal("Bobby", byAction.GetProperty("card_old").GetString());
    }

    [Fact]
    public async Task Friends_are_listed_by_category_once_moved_through_control()
    {
        await using var qq = await TestQq.StartAsync();
        using (var moved = await qq.Http.PutAsJsonAsync($"control/bots/{TestQq.Bot}/friends/{TestQq.Alice}/category", new { categoryId = 2, name = "同学" }))
        {
            Assert.Equal(HttpStatusCode.NoContent, moved.StatusCode);
        }
        using (var stranger = await qq.Http.PutAsJsonAsync($"control/bots/{TestQq.Bot}/friends/{TestQq.Bob}/category", new { categoryId = 2, name = "同学" }))
        {
            Assert.Equal(HttpStatusCode.NotFound, stranger.StatusCode);
        }

        var categories = await qq.OkAsync("get_friends_with_category");

        var category = Assert.Single(categories.EnumerateArray());
        Assert.Equal((2, "同学", 1), (category.GetProperty("categoryId").GetInt32(), category.GetProperty("categoryName").GetString(), category.GetProperty("categoryMbCount").GetInt32()));
        Assert.Equal(TestQq.Alice, Assert.Single(category.GetProperty("buddyList").EnumerateArray()).GetProperty("user_id").GetInt64());
    }
}
