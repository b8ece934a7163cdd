using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using static OpenWxCluster.WebFront.MojoParam;

namespace OpenWxCluster.WebFront;

/// <summary>
/// Mojo's Controller API (multi-account): start_client, stop_client, check_client, get_qrcode. These need
/// <c>client=</c> (no "default" fallback), except stop_client, which also serves the single-account route.
/// </summary>
internal static class ControllerEndpoints
{
    /// <summary>Reply keys that start options must not overwrite when echoed.</summary>
    private static readonly HashSet<string> RecordKeys = new(StringComparer.Ordinal)
    {
        "code", "status", "client", "account", "pid", "port",
    };

    /// <summary>
    /// Not a Mojo code (Mojo checks no start parameter): the next free controller code, for any refused parameter
    /// (post_api/poll_api destinations, unknown names, sizes, send_interval).
    /// </summary>
    internal const int InvalidPostApi = 6;

    public static IEndpointRouteBuilder MapControllerEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapMojo("start_client", StartClientAsync)
            .WithSummary("Start an account (Controller); further parameters are start options (post_api, poll_api, ...)")
            .AcceptsMore(MojoParams.ControllerClient, Opt("post_api", "webhook URL for the events"), Opt("poll_api", "URL polled for API calls"), Opt("send_interval", "seconds between sends")).Answers(MojoShapes.ClientRecord);
        endpoints.MapMojo("stop_client", StopClientAsync)
            .WithSummary("Stop an account (with client=: Controller; without: the default account)")
            .Accepts().Answers(MojoShapes.ClientRecord);
        endpoints.MapMojo("check_client", CheckClientAsync)
            .WithSummary("The state of one account (client=) or of every started account")
            .Accepts().Answers(MojoShapes.ClientList);
        endpoints.MapMojo("get_qrcode", GetQrCodeAsync)
            .WithSummary("The login QR image while the account waits to be scanned")
            .Accepts(MojoParams.ControllerClient).AnswersFile("image/*");
        return endpoints;
    }

    internal static Task<IResult> StartClientAsync(
        MojoParameters parameters, [FromServices] IGrainFactory grains, HttpContext http) =>
        StartAsync(AccountKey.WeChat, parameters, grains, http);

    /// <summary>start_client of either API; a QQ account also needs its OneBot implementation (<see cref="QqStartParameters"/>).</summary>
    internal static async Task<IResult> StartAsync(string platform, MojoParameters parameters, IGrainFactory grains, HttpContext http)
    {
        var (client, error) = AccountGate.ResolveClient(parameters, fallback: null);
        if (client is null)
        {
            return error!;
        }
        var key = AccountKey.For(platform, client);
        var account = grains.GetAccount(key);
        if ((await account.GetStatusAsync()).IsStarted)
        {
            return await AlreadyExistsAsync(account, client, http);
        }
        var (ignored, invalid) = StartParameters.Check(parameters, platform);
        QqUpstream? upstream = null;
        if (platform == AccountKey.QQ)
        {
            (upstream, var upstreamError) = QqStartParameters.Parse(parameters);
            invalid ??= upstreamError;
        }
        var (messageFilter, filterError) = StartParameters.MessageFilter(parameters);
        invalid ??= filterError;
        var (webhook, poll, webhookError) = WebhookParameters.Parse(parameters);
        invalid ??= webhookError;
        var destinations = grains.ForKey<IWebhookGrain>(key);
        if (invalid is null && webhook is not null && await destinations.CheckAsync(webhook.Url) is { } postRefused)
        {
            invalid = "post_api " + postRefused;
        }
        if (invalid is null && poll is not null && await destinations.CheckAsync(poll.Url) is { } pollRefused)
        {
            invalid = "poll_api " + pollRefused;
        }
        if (invalid is not null)
        {
            return new MojoReply(new JsonObject { ["code"] = InvalidPostApi, ["status"] = invalid, ["client"] = client }, StatusCodes.Status400BadRequest);
        }

        // Every other parameter is a start option (Mojo passes them to the child as MOJO_WEIXIN_<NAME>); the
        // signing secret and the OneBot token and secret are kept only in their settings, never echoed.
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in parameters.Unreserved.Where(p => p.Key != WebhookParameters.Secret && !QqStartParameters.IsSecret(p.Key)))
        {
            options[name] = value;
        }
        var started = await account.StartAsync(
            new StartOptions(options, webhook, poll, messageFilter, StartParameters.SendInterval(parameters), upstream));
        if (!started.IsStarted && !string.IsNullOrEmpty(started.LastError))
        {
            // The grain refused to start (a QQ account's OneBot implementation unreachable or refusing the token):
            // Mojo's "child did not come up" code, with the cause.
            return new MojoReply(
                new JsonObject { ["code"] = 4, ["status"] = "client pid not ok", ["error"] = started.LastError, ["client"] = client },
                StatusCodes.Status502BadGateway);
        }
        if (!started.StartedNow && started.IsStarted)
        {
            // A concurrent start_client won: the grain kept the other call's options.
            return await AlreadyExistsAsync(account, client, http);
        }
        var record = Record(0, "success", client, options, http);
        if (ignored.Count > 0)
        {
            // Not silently: Mojo options that configure a single Perl process have no effect in a cluster.
            record["ignored"] = new JsonArray([.. ignored.Select(n => (JsonNode)n)]);
        }
        return MojoReply.Json(record);
    }

    /// <summary>Mojo: an existing live client is not started twice; code 0 with the stored record.</summary>
    private static async Task<IResult> AlreadyExistsAsync(IAccountGrain account, string client, HttpContext http)
    {
        var stored = await account.GetStartOptionsAsync();
        return MojoReply.Json(Record(0, "client already exists", client, stored.Parameters, http));
    }

    /// <summary>
    /// With <c>client=</c>: the controller's reply (<c>status:"success"</c> plus the stored record). Without it: the
    /// single-account route for the default client, with Openwx's <c>"success, client(pid) will stop in 3 seconds"</c>
    /// (the account stops at once here; the text is kept for clients that match on it).
    /// </summary>
    internal static Task<IResult> StopClientAsync(
        MojoParameters parameters,
        [FromServices] IGrainFactory grains,
        [FromServices] IOptions<OpenWxApiOptions> options,
        [FromServices] TimeProvider time,
        HttpContext http) =>
        StopAsync(AccountKey.WeChat, parameters, grains, options, time, http);

    internal static async Task<IResult> StopAsync(
        string platform, MojoParameters parameters, IGrainFactory grains, IOptions<OpenWxApiOptions> options, TimeProvider time, HttpContext http)
    {
        var controllerCall = parameters.Contains("client");
        var check = await AccountGate.OpenAsync(grains, parameters, options.Value.DefaultClient, requireRunning: false, platform);
        if (!check.IsOk)
        {
            return check.Error!;
        }
        var account = grains.GetAccount(check.Key);
        var stored = await account.GetStartOptionsAsync();
        await account.StopAsync();
        if (controllerCall)
        {
            return MojoReply.Json(Record(0, "success", check.Client, stored.Parameters, http));
        }
        var start = check.Status!.StartTime;
        return MojoReply.Json(new JsonObject
        {
            ["code"] = 0,
            ["account"] = check.Client,
            ["pid"] = ServerInfo.Pid,
            ["starttime"] = start?.ToUnixTimeSeconds(),
            ["runtime"] = start is null ? null : (long)Math.Max(0, (time.GetUtcNow() - start.Value).TotalSeconds),
            ["status"] = $"success, client({ServerInfo.Pid}) will stop in 3 seconds",
        });
    }

    internal static Task<IResult> CheckClientAsync(
        MojoParameters parameters, [FromServices] IGrainFactory grains, HttpContext http) =>
        CheckAsync(AccountKey.WeChat, parameters, grains, http);

    /// <summary>One client (<c>client=</c>) or every started account of the platform from the registry shards.</summary>
    internal static async Task<IResult> CheckAsync(string platform, MojoParameters parameters, IGrainFactory grains, HttpContext http)
    {
        var port = ServerInfo.Port(http);
        if (parameters.Contains("client"))
        {
            var check = await AccountGate.OpenAsync(grains, parameters, fallback: null, requireRunning: false, platform);
            return check.IsOk
                ? MojoReply.Json(new JsonObject { ["code"] = 0, ["client"] = new JsonArray(ClientStateJson.State(check.Status!, port)) })
                : check.Error!;
        }

        var statuses = await RegistryReader.ListStartedAsync(grains, platform);
        var list = new JsonArray([.. statuses.Select(s => (JsonNode)ClientStateJson.State(s, port))]);
        return MojoReply.Json(new JsonObject { ["code"] = 0, ["client"] = list });
    }

    /// <summary>
    /// The login QR bytes. Mojo's controller labels WeChat QRs <c>image/jpg</c>; the grain sniffs the real type
    /// from the bytes, which is sent instead (the same JPEG gets the standard <c>image/jpeg</c>, and a PNG from a
    /// test upstream is not mislabelled). No QR (not scanning, or logged in): HTTP 404 as Mojo, with a JSON error naming the state.
    /// </summary>
    internal static Task<IResult> GetQrCodeAsync(MojoParameters parameters, [FromServices] IGrainFactory grains, HttpContext http) =>
        QrCodeAsync(AccountKey.WeChat, parameters, grains, http);

    /// <summary>A QQ account logs in inside its OneBot implementation, so its grain never has a QR: always the 404.</summary>
    internal static async Task<IResult> QrCodeAsync(string platform, MojoParameters parameters, IGrainFactory grains, HttpContext http)
    {
        var check = await AccountGate.OpenAsync(grains, parameters, fallback: null, requireRunning: false, platform);
        if (!check.IsOk)
        {
            return check.Error!;
        }
        http.Response.Headers.CacheControl = "no-cache";
        var account = grains.GetAccount(check.Key);
        var qr = await account.GetQrCodeAsync();
        if (qr is null || qr.Bytes.Length == 0)
        {
            // Mojo answers an empty 404; a clear JSON error (still 404) tells a client why, e.g. already logged in.
            var state = (await account.GetStatusAsync()).State.ToWire();
            var reply = MojoReply.Error(-1, $"no qrcode to scan (state: {state})", StatusCodes.Status404NotFound);
            ((JsonObject)reply.Body!)["state"] = state;
            return reply;
        }
        var contentType = string.IsNullOrEmpty(qr.ContentType) ? "image/jpg" : qr.ContentType;
        return Results.Bytes(qr.Bytes, contentType);
    }

    /// <summary>The controller's client record: code, status, client, account, pid, port, then the options.</summary>
    private static JsonObject Record(
        int code, string status, string client, IReadOnlyDictionary<string, string> options, HttpContext http)
    {
        var json = new JsonObject
        {
            ["code"] = code,
            ["status"] = status,
            ["client"] = client,
            ["account"] = client,
            ["pid"] = ServerInfo.Pid,
            ["port"] = ServerInfo.Port(http),
        };
        foreach (var (name, value) in options)
        {
            if (!RecordKeys.Contains(name))
            {
                json[name] = value;
            }
        }
        return json;
    }
}
