using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Primitives;
using OpenWxCluster.QqEmulator.World;

namespace OpenWxCluster.QqEmulator.OneBot;

/// <summary>
/// The OneBot v11 HTTP API (http.md): <c>GET/POST /&lt;action&gt;</c> for the first bot, <c>/bots/{self_id}/&lt;action&gt;</c>
/// for any. 401/403 for a missing/wrong token, 406 for an unsupported body type, 400 for a bad body, 404 for an unknown
/// action; everything else is 200 with the envelope.
/// </summary>
internal static class OneBotEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapMethods("/{action}", ["GET", "POST"], (string action, HttpContext http, QqWorld world, QqEmulatorOptions options) =>
            HandleAsync(http, world, options, action, world.DefaultBotId));
        app.MapMethods("/bots/{selfId:long}/{action}", ["GET", "POST"], (long selfId, string action, HttpContext http, QqWorld world, QqEmulatorOptions options) =>
            HandleAsync(http, world, options, action, selfId));
    }

    private static async Task<IResult> HandleAsync(HttpContext http, QqWorld world, QqEmulatorOptions options, string action, long? selfId)
    {
        if (Authorize(http.Request, options.AccessToken) is { } denied)
        {
            return Results.StatusCode(denied);
        }

        if (!OneBotActions.Exists(action, options))
        {
            return Results.NotFound();
        }

        var values = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        foreach (var (k, v) in http.Request.Query)
        {
            values[k] = JsonValue.Create(v.ToString());
        }

        if (await ReadBodyAsync(http.Request, values) is { } status)
        {
            return Results.StatusCode(status);
        }

        await world.Holds.PassAsync(action, http.RequestAborted);
        var envelope = OneBotActions.Envelope(action, world, selfId, new ActionParameters(values));
        return Results.Content(envelope.ToJsonString(), "application/json; charset=utf-8");
    }

    /// <summary>
    /// <c>Bearer</c> (the spec, NapCat) or <c>Token</c> (go-cqhttp, koishi's HTTP caller), or the query token for
    /// clients that cannot set headers. Null when allowed, else 401 (missing) or 403 (wrong).
    /// </summary>
    public static int? Authorize(HttpRequest request, string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        string? given = null;
        var header = request.Headers.Authorization.ToString();
        foreach (var scheme in (string[])["Bearer ", "Token "])
        {
            if (header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
            {
                given = header[scheme.Length..];
            }
        }

        if (given is null && request.Query.TryGetValue("access_token", out var q))
        {
            given = q.ToString();
        }

        return given is null ? 401 : given == token ? null : 403;
    }

    private static async Task<int?> ReadBodyAsync(HttpRequest request, Dictionary<string, JsonNode?> values)
    {
        if (!HttpMethods.IsPost(request.Method) || request.ContentLength == 0)
        {
            return null;
        }

        var type = request.ContentType ?? "";
        if (type.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
        {
            foreach (var (k, v) in await request.ReadFormAsync())
            {
                values[k] = JsonValue.Create(((StringValues)v).ToString());
            }

            return null;
        }

        if (!type.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
        {
            return type.Length == 0 ? null : 406;
        }

        try
        {
            if (await JsonNode.ParseAsync(request.Body) is not JsonObject body)
            {
                return 400;
            }

            foreach (var (k, v) in body)
            {
                values[k] = v?.DeepClone();
            }

            return null;
        }
        catch (JsonException)
        {
            return 400;
        }
    }
}
