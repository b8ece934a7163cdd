using System.Net;
using System.Net.Http.Json;
using OpenWxCluster.QqEmulator.Tests.Support;
using OpenWxCluster.TestKit;

namespace OpenWxCluster.QqEmulator.Tests;

/// <summary>The /control API that scripts the world: creation, refusals, and what it shows of groups and messages.</summary>
public sealed class ControlApiTests
{
    [Fact]
    public async Task The_world_is_built_and_read_through_control_with_refusals_for_duplicates_and_unknowns()
    {
        await using var qq = await TestQq.StartAsync();

        var group = await qq.ControlGetAsync($"groups/{TestQq.Team}");
        Assert.Equal("Team", group.GetProperty("group").GetProperty("groupName").GetString());
        var members = group.GetProperty("members").EnumerateArray().ToDictionary(m => m.GetProperty("userId").GetInt64());
        Assert.Equal("owner", members[TestQq.Alice].GetProperty("role").GetString());
        Assert.Equal("admin", members[TestQq.Bot].GetProperty("role").GetString());
        Assert.Equal("bot card", members[TestQq.Bot].GetProperty("card").GetString());
        Assert.Equal("member", members[TestQq.Bob].GetProperty("role").GetString());
        Assert.Equal("Alice", (await qq.ControlGetAsync($"users/{TestQq.Alice}")).GetProperty("nickname").GetString());

        var dup = await qq.ControlAsync("users", new { userId = TestQq.Alice, nickname = "again" }, HttpStatusCode.Conflict);
        Assert.Equal(103, dup.GetProperty("retcode").GetInt32());
        await qq.ControlAsync("bots", new { selfId = TestQq.Bot, nickname = "again" }, HttpStatusCode.Conflict);
        await qq.ControlAsync("friendships", new { a = TestQq.Alice, b = TestQq.Bot }, HttpStatusCode.Conflict);
        await qq.ControlAsync($"groups/{TestQq.Team}/members", new { userId = TestQq.Bob }, HttpStatusCode.Conflict);
        await qq.ControlAsync("friendships", new { a = TestQq.Alice, b = 1 }, HttpStatusCode.NotFound);
        await qq.ControlAsync("groups/1/members", new { userId = TestQq.Bob }, HttpStatusCode.NotFound);
        await qq.ControlAsync($"groups/{TestQq.Team}/messages", new { userId = 1, message = "x" }, HttpStatusCode.NotFound);
        using var missing = await qq.Http.GetAsync("control/groups/1");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);

        // A member may not kick the owner; the owner may not leave.
        using var kick = await qq.Http.DeleteAsync($"control/groups/{TestQq.Team}/members/{TestQq.Alice}?operatorId={TestQq.Bob}");
        Assert.Equal(HttpStatusCode.Forbidden, kick.StatusCode);
        using var leave = await qq.Http.DeleteAsync($"control/groups/{TestQq.Team}/members/{TestQq.Alice}");
        Assert.Equal(HttpStatusCode.Conflict, leave.StatusCode);
    }

    [Fact]
    public async Task The_world_is_safe_under_concurrent_messages_and_ids_stay_unique()
    {
        await using var qq = await TestQq.StartAsync();
        var ids = await Task.WhenAll(Enumerable.Range(0, 40).Select(async i => i % 2 == 0
            ? (await qq.ControlAsync($"groups/{TestQq.Team}/messages", new { userId = TestQq.Bob, message = $"m{i}" })).GetProperty("messageId").GetInt32()
            : (await qq.OkAsync("send_group_msg", new { group_id = TestQq.Team, message = $"m{i}" })).GetProperty("message_id").GetInt32()));
        Assert.Equal(40, ids.Distinct().Count());
        Assert.Equal(20, (await qq.ControlGetAsync($"bots/{TestQq.Bot}/sent")).GetArrayLength());
    }

    [Fact]
    public async Task Held_calls_of_an_action_wait_until_released_and_are_counted()
    {
        await using var qq = await TestQq.StartAsync();
        using (var armed = await qq.Http.PutAsJsonAsync("control/hold", new { action = "get_login_info", count = 2 }))
        {
            Assert.Equal(HttpStatusCode.NoContent, armed.StatusCode);
        }

        var held = Enumerable.Range(0, 2).Select(_ => qq.OkAsync("get_login_info")).ToList();
        await Eventually.TrueAsync(
            async () => (await qq.ControlGetAsync("hold")).GetProperty("held").GetInt32() == 2, TimeSpan.FromSeconds(30), "two held calls");
        Assert.All(held, h => Assert.False(h.IsCompleted));
        // Another action is never held.
        await qq.OkAsync("get_status").WaitAsync(TimeSpan.FromSeconds(30));
        using (var released = await qq.Http.PostAsync("control/hold/release", null))
        {
            Assert.Equal(HttpStatusCode.NoContent, released.StatusCode);
        }

        Assert.All(await Task.WhenAll(held).WaitAsync(TimeSpan.FromSeconds(30)), d => Assert.Equal(TestQq.Bot, d.GetProperty("user_id").GetInt64()));
        Assert.Equal(0, (await qq.ControlGetAsync("hold")).GetProperty("held").GetInt32());
        // The count is spent: the next call is answered at once.
        await qq.OkAsync("get_login_info").WaitAsync(TimeSpan.FromSeconds(30));
    }
}
