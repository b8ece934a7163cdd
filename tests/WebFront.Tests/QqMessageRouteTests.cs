using System.Net;
using System.Net.Http.Json;

namespace OpenWxCluster.WebFront.Tests;

/// <summary>Openqq's sends: lookups of both documents, Openqq's reply shape and not-found codes 100..105.</summary>
public sealed class QqMessageRouteTests
{
    private const string Sent = """{"id":2147483001,"code":0,"status":"发送成功","info":"success"}""";

    [Theory]
    [InlineData("/openqq/send_friend_message?uid=20001&content=hi", "friend 20001 hi")]
    [InlineData("/openqq/send_friend_message?id=20001&content=hi", "friend 20001 hi")]
    [InlineData("/openqq/send_friend_message?qq=20001&content=hi", "friend 20001 hi")]
    [InlineData("/openqq/send_friend_message?name=%E5%B0%8F%E9%BB%91&content=hi", "friend 20002 hi")]
    [InlineData("/openqq/send_friend_message?displayname=%E7%81%B0%E7%81%B0&content=hi", "friend 20001 hi")]
    [InlineData("/openqq/send_message?qq=20002&content=hi", "friend 20002 hi")]
    [InlineData("/openqq/send_group_message?uid=30001&content=hi", "group 30001 hi")]
    [InlineData("/openqq/send_group_message?gnumber=30002&content=hi", "group 30002 hi")]
    [InlineData("/openqq/send_group_message?gid=30001&content=hi", "group 30001 hi")]
    [InlineData("/openqq/send_group_message?name=%E9%97%B2%E8%81%8A&content=hi", "group 30002 hi")]
    [InlineData("/openqq/send_sess_message?group_uid=30001&uid=20003&content=hi", "sess 30001 20003 hi")]
    [InlineData("/openqq/send_sess_message?group_id=30001&id=20003&content=hi", "sess 30001 20003 hi")]
    [InlineData("/openqq/send_sess_message?gnumber=30001&qq=20003&content=hi", "sess 30001 20003 hi")]
    public async Task A_send_reaches_the_target_and_answers_openqqs_success(string url, string sent)
    {
        await using var host = await ApiHost.StartAsync();
        var account = host.Grains.RunningBot();

        Assert.Equal((HttpStatusCode.OK, Sent), await host.GetTextAsync(url));
        Assert.Equal(sent, Assert.Single(account.Sent));
    }

    [Theory]
    [InlineData("/openqq/send_friend_message?uid=99&content=hi", """{"id":null,"code":100,"status":"friend not found"}""")]
    [InlineData("/openqq/send_friend_message?content=hi", """{"id":null,"code":100,"status":"friend not found"}""")]
    [InlineData("/openqq/send_group_message?uid=99&content=hi", """{"id":null,"code":101,"status":"group not found"}""")]
    [InlineData("/openqq/send_group_message?content=hi", """{"id":null,"code":101,"status":"group not found"}""")]
    [InlineData("/openqq/send_discuss_message?id=1&content=hi", """{"id":null,"code":102,"status":"discuss not found"}""")]
    [InlineData("/openqq/send_discuss_message?did=1&content=hi", """{"id":null,"code":102,"status":"discuss not found"}""")]
    [InlineData("/openqq/send_discuss_message?content=hi", """{"id":null,"code":102,"status":"discuss not found"}""")]
    [InlineData("/openqq/send_discuss_message?id=1&content=hi&async=1", """{"id":null,"code":102,"status":"discuss not found"}""")]
    [InlineData("/openqq/send_sess_message?group_uid=30001&uid=99&content=hi", """{"id":null,"code":103,"status":"group member not found"}""")]
    [InlineData("/openqq/send_sess_message?group_uid=30001&content=hi", """{"id":null,"code":103,"status":"group member not found"}""")]
    [InlineData("/openqq/send_sess_message?group_uid=99&uid=20003&content=hi", """{"id":null,"code":101,"status":"group not found"}""")]
    [InlineData("/openqq/send_sess_message?discuss_id=1&uid=20003&content=hi", """{"id":null,"code":104,"status":"discuss member not found"}""")]
    [InlineData("/openqq/send_sess_message?did=1&qq=20003&content=hi", """{"id":null,"code":104,"status":"discuss member not found"}""")]
    [InlineData("/openqq/send_sess_message?discuss_id=&qq=20003&content=hi", """{"id":null,"code":104,"status":"discuss member not found"}""")]
    [InlineData("/openqq/send_sess_message?discuss_id=1&content=hi", """{"id":null,"code":104,"status":"discuss member not found"}""")]
    [InlineData("/openqq/send_sess_message?uid=20003&content=hi", """{"id":null,"code":105,"status":"discuss member or group member  not found"}""")]
    public async Task Unknown_targets_answer_openqqs_not_found_codes(string url, string expected)
    {
        await using var host = await ApiHost.StartAsync();
        var account = host.Grains.RunningBot();

        Assert.Equal((HttpStatusCode.OK, expected), await host.GetTextAsync(url));
        Assert.Empty(account.Sent);
    }

    [Theory]
    [InlineData("/openqq/send_discuss_message?id=40001&content=hi", "discuss 40001 hi")]
    [InlineData("/openqq/send_discuss_message?did=40001&content=hi", "discuss 40001 hi")]
    [InlineData("/openqq/send_discuss_message?name=Talk&content=hi", "discuss 40001 hi")]
    [InlineData("/openqq/send_sess_message?discuss_id=40001&uid=20003&content=hi", "discuss sess 40001 20003 hi")]
    [InlineData("/openqq/send_sess_message?did=40001&id=20003&content=hi", "discuss sess 40001 20003 hi")]
    [InlineData("/openqq/send_sess_message?did=40001&qq=20003&content=hi", "discuss sess 40001 20003 hi")]
    public async Task A_discuss_send_reaches_a_learned_discuss_or_member_by_either_documents_names(string url, string sent)
    {
        await using var host = await ApiHost.StartAsync();
        var account = host.Grains.RunningBot();
        account.Discusses.Add(new GroupInfo { Id = "40001", Uid = "40001", Name = "Talk", Members = [new ContactInfo { Id = "20003", Uid = "20003" }] });

        Assert.Equal((HttpStatusCode.OK, Sent), await host.GetTextAsync(url));
        Assert.Equal(sent, Assert.Single(account.Sent));
    }

    [Theory]
    [InlineData(-3, "retcode 100: send failed", """{"id":null,"code":-3,"status":"发送失败","info":"retcode 100: send failed"}""")]
    [InlineData(-7, "send queue full", """{"id":null,"code":-7,"status":"发送失败","info":"send queue full"}""")]
    public async Task A_failed_send_answers_fasong_shibai_with_the_reason_in_info(int code, string status, string expected)
    {
        await using var host = await ApiHost.StartAsync();
        host.Grains.RunningBot().SendAnswer = new SendReceipt(null, code, status);

        Assert.Equal(expected, (await host.GetTextAsync("/openqq/send_friend_message?uid=20001&content=hi")).Body);
    }

    [Fact]
    public async Task Sends_take_a_form_or_a_json_body_and_the_idempotency_key()
    {
        await using var host = await ApiHost.StartAsync();
        var account = host.Grains.RunningBot();

        var form = await host.PostFormAsync("/openqq/send_group_message", new Dictionary<string, string>
        {
            ["gnumber"] = "30001", ["content"] = "表单", ["client_msg_id"] = "k1",
        });
        using var json = await host.Client.PostAsJsonAsync("/openqq/send_friend_message", new { qq = "20001", content = "json" });

        Assert.Equal(0, (int?)form!["code"]);
        Assert.Equal(HttpStatusCode.OK, json.StatusCode);
        Assert.Equal(Sent, await json.Content.ReadAsStringAsync());
        Assert.Equal(["group 30001 表单", "friend 20001 json"], account.Sent.ToArray());
        Assert.Equal(new string?[] { "k1", null }, account.IdempotencyKeys.ToArray());
    }

    [Fact]
    public async Task Async_sends_answer_at_once_and_unknown_targets_are_refused_first()
    {
        await using var host = await ApiHost.StartAsync();
        var account = host.Grains.RunningBot();

        var queued = await host.GetTextAsync("/openqq/send_friend_message?uid=20001&content=hi&async=1");
        var missing = await host.GetTextAsync("/openqq/send_group_message?uid=99&content=hi&async=1");

        Assert.Equal("""{"code":0,"status":"request already in execution"}""", queued.Body);
        Assert.Equal("""{"id":null,"code":101,"status":"group not found"}""", missing.Body);
        Assert.Equal("friend 20001 hi", Assert.Single(account.Sent));
    }

    [Theory]
    [InlineData("/openqq/send_friend_message?uid=20001")]
    [InlineData("/openqq/send_sess_message?group_uid=30001&uid=20003&content=")]
    public async Task A_send_without_content_is_refused(string url)
    {
        await using var host = await ApiHost.StartAsync();
        var account = host.Grains.RunningBot();

        var json = await host.GetJsonAsync(url);

        Assert.Equal(-1, (int?)json!["code"]);
        Assert.Empty(account.Sent);
    }

    [Fact]
    public async Task A_send_for_an_account_not_running_answers_code_minus_2()
    {
        await using var host = await ApiHost.StartAsync();
        var account = host.Grains.RunningBot();
        account.SetState(ClientState.Loading);

        var json = await host.GetJsonAsync("/openqq/send_friend_message?uid=20001&content=hi");

        Assert.Equal(-2, (int?)json!["code"]);
        Assert.Equal("loading", (string?)json["state"]);
        Assert.Empty(account.Sent);
    }
}
