using System.Net;
using System.Text.Json.Nodes;

namespace OpenWxCluster.WebFront.Tests;

public sealed class ControllerRouteTests
{
    [Fact]
    public async Task Start_client_without_client_is_client_not_found()
    {
        await using var host = await ApiHost.StartAsync();

        var json = await host.GetJsonAsync("/openwx/start_client");

        Assert.Equal("""{"code":1,"status":"client not found"}""", json!.ToJsonString());
        Assert.Empty(host.Grains.Lookups);
    }

    [Fact]
    public async Task Start_client_passes_other_params_as_start_options_and_echoes_them()
    {
        await using var host = await ApiHost.StartAsync();

        var json = await host.GetJsonAsync("/openwx/start_client?client=bot1&log_level=debug&post_api=http%3A%2F%2Fx%2Fp&send_interval=1&token=");

        var account = host.Grains.Account("bot1");
        Assert.Equal(1, account.StartCalls);
        Assert.Equal(new Dictionary<string, string> { ["log_level"] = "debug", ["post_api"] = "http://x/p", ["send_interval"] = "1" }, account.Options.Parameters);
        Assert.Equal("""["log_level"]""", json!["ignored"]!.ToJsonString());
        Assert.Equal(0, (int?)json!["code"]);
        Assert.Equal("success", (string?)json["status"]);
        Assert.Equal("bot1", (string?)json["client"]);
        Assert.Equal("bot1", (string?)json["account"]);
        Assert.Equal(Environment.ProcessId, (int?)json["pid"]);
        Assert.NotNull(json["port"]);
        Assert.Equal("debug", (string?)json["log_level"]);
        Assert.Equal("http://x/p", (string?)json["post_api"]);
    }

    [Theory]
    [InlineData("&pid=9", "unknown parameter: pid")]
    [InlineData("&send_interval=-1", "send_interval must be seconds from 0 to 600")]
    [InlineData("&send_interval=601", "send_interval must be seconds from 0 to 600")]
    [InlineData("&send_interval=abc", "send_interval must be seconds from 0 to 600")]
    [InlineData("&post_message_filter=%5B1%5D", "post_message_filter must be a JSON object of message fields to text or number values, e.g. {\"class\":\"recv\"}")]
    [InlineData("&post_message_filter=%7B%22a%22%3A%7B%7D%7D", "post_message_filter must be a JSON object of message fields to text or number values, e.g. {\"class\":\"recv\"}")]
    public async Task Start_client_refuses_what_it_cannot_apply(string query, string status)
    {
        await using var host = await ApiHost.StartAsync();

        using var response = await host.Client.GetAsync("/openwx/start_client?client=bot1" + query);
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(6, (int?)json!["code"]);
        Assert.Equal(status, (string?)json["status"]);
        Assert.Equal(0, host.Grains.Account("bot1").StartCalls);
    }

    [Fact]
    public async Task Start_client_keeps_the_message_filter_typed()
    {
        await using var host = await ApiHost.StartAsync();

        var json = await host.GetJsonAsync("/openwx/start_client?client=bot1&post_message_filter=" + Uri.EscapeDataString("""{"class":"recv","media_size":12}"""));

        Assert.Equal(0, (int?)json!["code"]);
        Assert.Equal(new Dictionary<string, string> { ["class"] = "recv", ["media_size"] = "12" }, host.Grains.Account("bot1").Options.MessageFilter);
    }

    [Fact]
    public async Task Start_client_bounds_parameter_sizes()
    {
        await using var host = await ApiHost.StartAsync();

        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["client"] = "bot1", ["log_path"] = new string('x', 2_049) });
        using var response = await host.Client.PostAsync("/openwx/start_client", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, host.Grains.Account("bot1").StartCalls);
    }

    [Theory]
    [InlineData("openwx")]
    [InlineData("openqq")]
    public async Task Start_client_bounds_the_number_of_parameters_and_the_post_api_url(string api)
    {
        await using var host = await ApiHost.StartAsync();
        var upstream = api == "openqq" ? new Dictionary<string, string> { ["onebot_url"] = "http://127.0.0.1:1" } : [];
        var many = new Dictionary<string, string>(upstream) { ["client"] = "bot1" };
        for (var i = 0; i <= 64; i++)
        {
            many["log_" + i] = "x";
        }
        var longUrl = new Dictionary<string, string>(upstream) { ["client"] = "bot1", ["post_api"] = "http://x/" + new string('p', 2_040) };

        using var tooMany = await host.Client.PostAsync($"/{api}/start_client", new FormUrlEncodedContent(many));
        using var tooLong = await host.Client.PostAsync($"/{api}/start_client", new FormUrlEncodedContent(longUrl));

        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
        Assert.Equal("too many parameters: at most 64", (string?)JsonNode.Parse(await tooMany.Content.ReadAsStringAsync())!["status"]);
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Equal(
            "parameter post_api too long: names up to 64, values up to 2048 characters",
            (string?)JsonNode.Parse(await tooLong.Content.ReadAsStringAsync())!["status"]);
        Assert.Equal(0, host.Grains.Account("bot1").StartCalls);
        Assert.Null(host.Grains.QqAccount("bot1").Options);
    }

    [Fact]
    public async Task Start_client_twice_answers_client_already_exists_without_restarting()
    {
        await using var host = await ApiHost.StartAsync();
        await host.GetJsonAsync("/openwx/start_client?client=bot1&tmpdir=/tmp/x");

        var json = await host.GetJsonAsync("/openwx/start_client?client=bot1");

        Assert.Equal(1, host.Grains.Account("bot1").StartCalls);
        Assert.Equal(0, (int?)json!["code"]);
        Assert.Equal("client already exists", (string?)json["status"]);
        Assert.Equal("/tmp/x", (string?)json["tmpdir"]);
    }

    [Fact]
    public async Task Stop_client_of_unknown_client_is_client_not_exists()
    {
        await using var host = await ApiHost.StartAsync();

        var json = await host.GetJsonAsync("/openwx/stop_client?client=ghost");

        Assert.Equal("""{"code":1,"status":"client not exists"}""", json!.ToJsonString());
        Assert.Equal(0, host.Grains.Account("ghost").StopCalls);
    }

    [Fact]
    public async Task Stop_client_with_client_answers_the_controller_record()
    {
        await using var host = await ApiHost.StartAsync();
        await host.GetJsonAsync("/openwx/start_client?client=bot1&log_level=info");

        var json = await host.GetJsonAsync("/openwx/stop_client?client=bot1");

        Assert.Equal(1, host.Grains.Account("bot1").StopCalls);
        Assert.Equal(0, (int?)json!["code"]);
        Assert.Equal("success", (string?)json["status"]);
        Assert.Equal("bot1", (string?)json["client"]);
        Assert.Equal("info", (string?)json["log_level"]);
        var again = await host.GetJsonAsync("/openwx/stop_client?client=bot1");
        Assert.Equal("client not exists", (string?)again!["status"]);
    }

    [Fact]
    public async Task Stop_client_without_client_is_the_single_account_route_for_default()
    {
        await using var host = await ApiHost.StartAsync();
        host.Grains.Running("default");

        var json = await host.GetJsonAsync("/openwx/stop_client");

        Assert.Equal(1, host.Grains.Account("default").StopCalls);
        Assert.Equal(0, (int?)json!["code"]);
        Assert.Equal("default", (string?)json["account"]);
        Assert.Equal($"success, client({Environment.ProcessId}) will stop in 3 seconds", (string?)json["status"]);
        Assert.NotNull(json["starttime"]);
        Assert.NotNull(json["runtime"]);
    }

    [Fact]
    public async Task Check_client_lists_started_wechat_accounts_from_every_shard()
    {
        await using var host = await ApiHost.StartAsync();
        host.Grains.Running("alpha");
        host.Grains.Running("beta");
        host.Grains.Running("gamma");
        host.Grains.Account("gamma").SetState(ClientState.Stop);
        host.Grains.Registry(3).Keys.Add("qq/other");

        var json = await host.GetJsonAsync("/openwx/check_client");

        Assert.Equal(0, (int?)json!["code"]);
        var clients = json["client"]!.AsArray().Select(c => (string?)c!["client"]).ToList();
        Assert.Equal(["alpha", "beta"], clients);
        Assert.Equal("running", (string?)json["client"]![0]!["state"]);
        Assert.Equal(IAccountRegistryGrain.ShardCount, host.Grains.Lookups.Count(l => l.StartsWith("IAccountRegistryGrain/", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Check_client_with_client_answers_that_one_or_client_not_exists()
    {
        await using var host = await ApiHost.StartAsync();
        host.Grains.Account("bot1").SetState(ClientState.Confirming);

        var one = await host.GetJsonAsync("/openwx/check_client?client=bot1");
        var none = await host.GetJsonAsync("/openwx/check_client?client=ghost");

        Assert.Equal("confirming", (string?)one!["client"]![0]!["state"]);
        Assert.Equal("""{"code":1,"status":"client not exists"}""", none!.ToJsonString());
    }

    [Fact]
    public async Task Get_qrcode_serves_the_bytes_with_their_type_and_no_cache()
    {
        await using var host = await ApiHost.StartAsync();
        var account = host.Grains.Account("bot1");
        account.SetState(ClientState.Scaning);
        byte[] jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3];
        account.QrCode = new QrCodeImage(jpeg, "image/jpeg", DateTimeOffset.UtcNow);

        using var response = await host.Client.GetAsync("/openwx/get_qrcode?client=bot1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/jpeg", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("no-cache", response.Headers.CacheControl!.ToString());
        Assert.Equal(jpeg, await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Get_qrcode_without_a_qr_is_404_with_a_json_error_naming_the_state()
    {
        await using var host = await ApiHost.StartAsync();
        host.Grains.Running("bot1");

        using var response = await host.Client.GetAsync("/openwx/get_qrcode?client=bot1");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("""{"code":-1,"status":"no qrcode to scan (state: running)","state":"running"}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Get_qrcode_needs_a_client()
    {
        await using var host = await ApiHost.StartAsync();

        var json = await host.GetJsonAsync("/openwx/get_qrcode");

        Assert.Equal("""{"code":1,"status":"client not found"}""", json!.ToJsonString());
    }

    [Fact]
    public async Task Controller_routes_accept_post_forms()
    {
        await using var host = await ApiHost.StartAsync();

        var json = await host.PostFormAsync("/openwx/start_client", new Dictionary<string, string> { ["client"] = "formbot", ["log_level"] = "warn" });

        Assert.Equal("success", (string?)json!["status"]);
        Assert.Equal("warn", host.Grains.Account("formbot").Options.Parameters["log_level"]);
    }
}
