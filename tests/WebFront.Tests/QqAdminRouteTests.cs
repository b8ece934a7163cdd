using System.Net;

namespace OpenWxCluster.WebFront.Tests;

/// <summary>shutup_group_member and kick_group_member: parameters of both documents, minutes to seconds, answers.</summary>
public sealed class QqAdminRouteTests
{
    [Theory]
    [InlineData("/openqq/shutup_group_member?group_uid=30001&member_uid=20001,20003&time=2", "shutup /30001 20001,20003 120")]
    [InlineData("/openqq/shutup_group_member?group_id=30001&member_id=20001&member_uid=20003,20001&time=1", "shutup 30001/ 20001,20003 60")]
    [InlineData("/openqq/shutup_group_member?gnumber=30001&member_uid=20003&time=43200", "shutup /30001 20003 2592000")]
    [InlineData("/openqq/kick_group_member?group_uid=30001&member_uid=20003", "kick /30001 20003")]
    [InlineData("/openqq/kick_group_member?gid=30001&member_id=%2020003%20,,20001", "kick 30001/ 20003,20001")]
    [InlineData("/openqq/kick_group_member?group_uid=30001", "kick /30001 ")]
    public async Task Parameters_reach_the_grain_as_typed_values(string url, string call)
    {
        await using var host = await ApiHost.StartAsync();
        var account = host.Grains.RunningBot();

        Assert.Equal("""{"code":0,"status":"success"}""", (await host.GetTextAsync(url)).Body);
        Assert.Equal(call, Assert.Single(account.AdminCalls));
    }

    [Theory]
    [InlineData("")]
    [InlineData("&time=")]
    [InlineData("&time=1.5")]
    [InlineData("&time=-1")]
    [InlineData("&time=60s")]
    [InlineData("&time=0")]
    [InlineData("&time=43201")]
    [InlineData("&time=99999999999999999999")]
    public async Task A_missing_or_bad_shutup_time_is_refused_with_400(string time)
    {
        await using var host = await ApiHost.StartAsync();
        var account = host.Grains.RunningBot();

        var answer = await host.GetTextAsync("/openqq/shutup_group_member?group_uid=30001&member_uid=20003" + time);

        Assert.Equal((HttpStatusCode.BadRequest, """{"code":400,"status":"shutup time missing or error"}"""), answer);
        Assert.Empty(account.AdminCalls);
    }

    [Theory]
    [InlineData(200, "member id empty")]
    [InlineData(201, "failure")]
    [InlineData(100, "member 99 not found")]
    public async Task The_grains_answer_is_passed_on(int code, string status)
    {
        await using var host = await ApiHost.StartAsync();
        host.Grains.RunningBot().AdminAnswer = new AdminResult(code, status);

        var shutup = await host.GetTextAsync("/openqq/shutup_group_member?group_uid=30001&member_uid=99&time=1");
        var kick = await host.GetTextAsync("/openqq/kick_group_member?group_uid=30001&member_uid=99");

        Assert.Equal($$"""{"code":{{code}},"status":"{{status}}"}""", shutup.Body);
        Assert.Equal(shutup, kick);
    }

    [Theory]
    [InlineData("/openqq/kick_group_member?member_uid=20003")]
    [InlineData("/openqq/shutup_group_member?member_uid=20003&time=1")]
    public async Task No_group_is_object_not_found_before_the_grain(string url)
    {
        await using var host = await ApiHost.StartAsync();
        var account = host.Grains.RunningBot();

        Assert.Equal("""{"code":100,"status":"object not found"}""", (await host.GetTextAsync(url)).Body);
        Assert.Empty(account.AdminCalls);
    }
}
