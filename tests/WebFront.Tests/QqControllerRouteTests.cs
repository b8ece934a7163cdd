using System.Net;
using System.Text.Json.Nodes;

namespace OpenWxCluster.WebFront.Tests;

/// <summary>/openqq start_client, stop_client, check_client, get_qrcode over qq/&lt;client&gt; keys.</summary>
public sealed class QqControllerRouteTests
{
    [Fact]
    public async Task Start_client_passes_the_onebot_upstream_to_the_grain_and_never_echoes_token_or_secret()
    {
        await using var host = await ApiHost.StartAsync();

        using var response = await host.Client.GetAsync(
            "/openqq/start_client?client=bot&onebot_url=http%3A%2F%2F127.0.0.1%3A3000&onebot_token=T0K&onebot_secret=S3C&onebot_event=reverse_ws");
        var body = await response.Content.ReadAsStringAsync();
        var json = JsonNode.Parse(body)!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, (int?)json["code"]);
        Assert.Equal("success", (string?)json["status"]);
        Assert.Equal("bot", (string?)json["client"]);
        Assert.Equal("http://127.0.0.1:3000", (string?)json["onebot_url"]);
        Assert.Equal("reverse_ws", (string?)json["onebot_event"]);
        Assert.DoesNotContain("T0K", body, StringComparison.Ordinal);
        Assert.DoesNotContain("S3C", body, StringComparison.Ordinal);
        var options = host.Grains.QqAccount("bot").Options!;
        Assert.Equal(new QqUpstream("http://127.0.0.1:3000", "T0K", "S3C", QqTransport.ReverseWebSocket), options.Qq);
        Assert.False(options.Parameters.ContainsKey("onebot_token"));
        Assert.False(options.Parameters.ContainsKey("onebot_secret"));
        Assert.Equal(ClientState.Stop, host.Grains.Account("bot").Status.State);
    }

    [Fact]
    public async Task Start_client_defaults_to_http_post_with_no_token_or_secret()
    {
        await using var host = await ApiHost.StartAsync();

        var json = await host.PostFormAsync("/openqq/start_client", new Dictionary<string, string>
        {
            ["client"] = "bot", ["onebot_url"] = "https://napcat.example:6099/api",
        });

        Assert.Equal(0, (int?)json!["code"]);
        Assert.Equal(new QqUpstream("https://napcat.example:6099/api", "", "", QqTransport.HttpPost), host.Grains.QqAccount("bot").Options!.Qq);
    }

    [Fact]
    public async Task Report_parameters_are_taken_as_openwx_does_also_under_openqqs_plugin_prefix()
    {
        await using var host = await ApiHost.StartAsync();

        var json = await host.GetJsonAsync(
            "/openqq/start_client?client=bot&onebot_url=http%3A%2F%2Fh&plugin_openqq_post_api=http%3A%2F%2Fhook%2Fin&post_event_list=login,new_friend&plugin_openqq_poll_api=http%3A%2F%2Fpoll%2F&log_level=debug");

        Assert.Equal(0, (int?)json!["code"]);
        Assert.Equal(["log_level"], json["ignored"]!.AsArray().Select(n => (string)n!).ToArray());
        var options = host.Grains.QqAccount("bot").Options!;
        Assert.Equal("http://hook/in", options.Webhook!.Url);
        Assert.Equal(["login", "new_friend"], options.Webhook.PostEventList!);
        Assert.Equal("http://poll/", options.Poll!.Url);
        Assert.Equal(["http://hook/in", "http://poll/"], host.Grains.QqWebhook("bot").Checked.ToArray());
    }

    [Theory]
    [InlineData("client=bot&onebot_url=http%3A%2F%2Fh&plugin_openwx_post_api=http%3A%2F%2Fhook%2F", "unknown parameter: plugin_openwx_post_api")]
    [InlineData("client=bot", "onebot_url is required: the OneBot v11 HTTP API root, e.g. http://127.0.0.1:3000")]
    [InlineData("client=bot&onebot_url=ftp%3A%2F%2Fhost%2F", "onebot_url must be an http or https URL")]
    [InlineData("client=bot&onebot_url=not-a-url", "onebot_url must be an http or https URL")]
    [InlineData("client=bot&onebot_url=http%3A%2F%2Fh&onebot_event=ws", "onebot_event must be http_post or reverse_ws")]
    [InlineData("client=bot&onebot_url=http%3A%2F%2Fh&bogus=1", "unknown parameter: bogus")]
    public async Task Bad_start_parameters_are_refused_with_code_6_and_http_400(string query, string status)
    {
        await using var host = await ApiHost.StartAsync();

        using var response = await host.Client.GetAsync("/openqq/start_client?" + query);
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal($$"""{"code":6,"status":"{{status}}","client":"bot"}""", MojoJson.Serialize(json));
        Assert.Null(host.Grains.QqAccount("bot").Options);
    }

    [Fact]
    public async Task A_start_the_grain_refuses_answers_code_4_with_its_error_and_http_502()
    {
        await using var host = await ApiHost.StartAsync();
        host.Grains.QqAccount("bot").StartError = "onebot api refused the access token";

        using var response = await host.Client.GetAsync("/openqq/start_client?client=bot&onebot_url=http%3A%2F%2Fh");

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Equal(
            """{"code":4,"status":"client pid not ok","error":"onebot api refused the access token","client":"bot"}""",
            await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Check_client_lists_only_qq_accounts_with_their_offline_cause()
    {
        await using var host = await ApiHost.StartAsync();
        host.Grains.Running("wxbot");
        host.Grains.RunningBot("qq1").SetState(ClientState.Offline, OfflineCauses.HeartbeatLost);

        var all = await host.GetJsonAsync("/openqq/check_client");
        var one = await host.GetJsonAsync("/openqq/check_client?client=qq1");
        var wx = await host.GetJsonAsync("/openqq/check_client?client=wxbot");

        var entry = Assert.Single(all!["client"]!.AsArray())!;
        Assert.Equal("qq1", (string?)entry["client"]);
        Assert.Equal("offline", (string?)entry["state"]);
        Assert.Equal("heartbeat_lost", (string?)entry["offline_cause"]);
        Assert.Equal("heartbeat_lost", (string?)one!["client"]![0]!["offline_cause"]);
        Assert.Equal("""{"code":1,"status":"client not exists"}""", wx!.ToJsonString());
    }

    [Fact]
    public async Task Get_qrcode_is_always_the_json_404_naming_the_state()
    {
        await using var host = await ApiHost.StartAsync();
        host.Grains.RunningBot("bot");

        using var response = await host.Client.GetAsync("/openqq/get_qrcode?client=bot");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(
            """{"code":-1,"status":"no qrcode to scan (state: running)","state":"running"}""",
            await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Stop_client_stops_the_qq_account_and_leaves_a_wechat_account_of_the_same_name()
    {
        await using var host = await ApiHost.StartAsync();
        var wx = host.Grains.Running("bot");
        var qq = host.Grains.RunningBot("bot");

        var json = await host.GetJsonAsync("/openqq/stop_client?client=bot");

        Assert.Equal(0, (int?)json!["code"]);
        Assert.Equal("success", (string?)json["status"]);
        Assert.Equal(ClientState.Stop, qq.Status.State);
        Assert.Equal(ClientState.Running, wx.Status.State);
    }

    [Fact]
    public async Task The_single_account_stop_client_answers_mojos_text_for_the_default_client()
    {
        await using var host = await ApiHost.StartAsync();
        var qq = host.Grains.RunningBot();

        var json = await host.GetJsonAsync("/openqq/stop_client");

        Assert.Equal($"success, client({Environment.ProcessId}) will stop in 3 seconds", (string?)json!["status"]);
        Assert.Equal("default", (string?)json["account"]);
        Assert.Equal(ClientState.Stop, qq.Status.State);
    }
}
