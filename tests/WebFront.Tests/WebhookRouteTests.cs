using System.Net;
using System.Text.Json.Nodes;

namespace OpenWxCluster.WebFront.Tests;

/// <summary>start_client's post_api parameters, the destination check, and get_post_log over HTTP.</summary>
public sealed class WebhookRouteTests
{
    [Fact]
    public async Task Start_client_turns_the_post_parameters_into_webhook_settings_and_never_echoes_the_secret()
    {
        await using var host = await ApiHost.StartAsync();

        var json = await host.GetJsonAsync(
            "/openwx/start_client?client=bot1&post_api=http%3A%2F%2F127.0.0.1%3A9%2Fhook%3Fa%3D1&post_secret=s3cret" +
            "&post_event=0&post_event_list=login,%20stop%20new_friend&plugin_openwx_post_media_data=0");

        Assert.Equal(0, (int?)json!["code"]);
        Assert.Null(json["post_secret"]);
        var account = host.Grains.Account("bot1");
        Assert.False(account.Options.Parameters.ContainsKey("post_secret"));
        var webhook = account.Options.Webhook!;
        Assert.Equal("http://127.0.0.1:9/hook?a=1", webhook.Url);
        Assert.Equal("s3cret", webhook.Secret);
        Assert.False(webhook.PostEvent);
        Assert.Equal(["login", "stop", "new_friend"], webhook.PostEventList!);
        Assert.False(webhook.PostMediaData);
        Assert.Equal(webhook.Url, Assert.Single(host.Grains.Webhook("bot1").Checked));
    }

    [Fact]
    public async Task Without_post_api_no_webhook_is_asked_for_and_flags_keep_mojo_defaults()
    {
        await using var host = await ApiHost.StartAsync();
        await host.GetJsonAsync("/openwx/start_client?client=bot1&post_event=1");
        Assert.Null(host.Grains.Account("bot1").Options.Webhook);

        await host.GetJsonAsync("/openwx/start_client?client=bot2&post_api=https%3A%2F%2Fexample.org%2Fh");
        var webhook = host.Grains.Account("bot2").Options.Webhook!;
        Assert.True(webhook.PostEvent);
        Assert.True(webhook.PostMediaData);
        Assert.Null(webhook.PostEventList);
        Assert.Null(webhook.Secret);
    }

    [Theory]
    [InlineData("ftp%3A%2F%2Fhost%2Fx")]
    [InlineData("not-a-url")]
    [InlineData("%2Frelative%2Fpath")]
    public async Task A_malformed_post_api_is_refused_with_code_6_and_nothing_starts(string url)
    {
        await using var host = await ApiHost.StartAsync();
        using var response = await host.Client.GetAsync($"/openwx/start_client?client=bot1&post_api={url}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(6, (int?)json["code"]);
        Assert.Equal("post_api must be an absolute http or https URL", (string?)json["status"]);
        Assert.Equal(0, host.Grains.Account("bot1").StartCalls);
    }

    [Fact]
    public async Task A_destination_the_cluster_refuses_is_answered_with_its_reason()
    {
        await using var host = await ApiHost.StartAsync();
        host.Grains.Webhook("bot1").Refusal = "destination refused: not in the allow-list";
        using var response = await host.Client.GetAsync("/openwx/start_client?client=bot1&post_api=http%3A%2F%2F10.1.2.3%2Fh");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("""{"code":6,"status":"post_api destination refused: not in the allow-list","client":"bot1"}""", json.ToJsonString());
        Assert.Equal(0, host.Grains.Account("bot1").StartCalls);
    }

    [Fact]
    public async Task Get_post_log_shows_the_delivery_without_the_destination_query()
    {
        await using var host = await ApiHost.StartAsync();
        host.Grains.Running("bot1");
        var at = DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_123);
        host.Grains.Webhook("bot1").Info = new WebhookInfo(
            "http://127.0.0.1:9/hook?token=secret", 2, 41, 39, 1, 0,
            [new WebhookAttempt("wx/bot1:41", 3, 0, TimeSpan.FromMilliseconds(12.34), "ConnectionError", at)]);

        var json = await host.GetJsonAsync("/openwx/get_post_log?client=bot1");

        const string Expected = """
            {"code":0,"status":"success","post_api":"http://127.0.0.1:9/hook","backlog":2,"last_event_seq":41,"delivered":39,"failed":1,"dropped":0,"attempts":[{"event_id":"wx/bot1:41","attempt":3,"status_code":0,"latency_ms":12.3,"error":"ConnectionError","time":1700000000123}]}
            """;
        Assert.Equal(
            Expected,
            json!.ToJsonString());
    }

    [Fact]
    public async Task Poll_api_and_poll_interval_become_poll_settings()
    {
        await using var host = await ApiHost.StartAsync();
        await host.GetJsonAsync("/openwx/start_client?client=bot1&poll_api=http%3A%2F%2F127.0.0.1%3A9%2Fpoll&plugin_openwx_poll_interval=12");
        await host.GetJsonAsync("/openwx/start_client?client=bot2&poll_api=http%3A%2F%2F127.0.0.1%3A9%2Fpoll");

        Assert.Equal(new PollSettings("http://127.0.0.1:9/poll", TimeSpan.FromSeconds(12)), host.Grains.Account("bot1").Options.Poll);
        Assert.Equal(TimeSpan.FromSeconds(5), host.Grains.Account("bot2").Options.Poll!.Interval);
        Assert.Null(host.Grains.Account("bot1").Options.Webhook);
    }

    [Theory]
    [InlineData("poll_api=http%3A%2F%2F127.0.0.1%2Fp&poll_interval=0", "poll_interval must be a whole number of seconds, at least 1")]
    [InlineData("poll_api=http%3A%2F%2F127.0.0.1%2Fp&poll_interval=1.5", "poll_interval must be a whole number of seconds, at least 1")]
    [InlineData("poll_api=gopher%3A%2F%2Fx", "poll_api must be an absolute http or https URL")]
    public async Task Bad_poll_parameters_are_refused_with_code_6(string query, string status)
    {
        await using var host = await ApiHost.StartAsync();
        using var response = await host.Client.GetAsync($"/openwx/start_client?client=bot1&{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(status, (string?)json["status"]);
        Assert.Equal(0, host.Grains.Account("bot1").StartCalls);
    }

    [Fact]
    public async Task A_poll_destination_the_cluster_refuses_names_poll_api()
    {
        await using var host = await ApiHost.StartAsync();
        host.Grains.Webhook("bot1").Refusal = "destination refused: link-local or cloud metadata address";
        var json = await host.GetJsonAsync("/openwx/start_client?client=bot1&poll_api=http%3A%2F%2F169.254.169.254%2F");

        Assert.Equal("poll_api destination refused: link-local or cloud metadata address", (string?)json!["status"]);
        Assert.Equal("http://169.254.169.254/", Assert.Single(host.Grains.Webhook("bot1").Checked));
    }
}
