using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace OpenWxCluster.WebFront;

/// <summary>
/// The console's buttons: start, stop and relogin (QQ) through the very handlers of the Controller routes, so the
/// parameters are checked once, in one place. Each answers with a redirect to the list carrying the route's status.
/// </summary>
internal static class AdminActions
{
    /// <summary>A start form holds a client name and the OneBot settings; a larger body is refused unread.</summary>
    private const long MaxFormBytes = 16 * 1024;

    public static async Task<IResult> StartAsync(
        string platform, HttpContext http, IGrainFactory grains)
    {
        if (platform is not (AccountKey.WeChat or AccountKey.QQ))
        {
            return Results.NotFound();
        }
        if (!http.Request.HasFormContentType || http.Request.ContentLength is null or > MaxFormBytes)
        {
            return Results.Text("a start form is expected", "text/plain", null, StatusCodes.Status400BadRequest);
        }
        var form = await MojoParameters.ReadAsync(http.Request, MaxFormBytes, http.RequestAborted);
        // Empty optional fields of the form are not parameters (an empty onebot_token is "no token").
        var parameters = MojoParameters.FromPairs(form.All.Where(p => p.Value.Length > 0 || p.Key == "client")
            .Select(p => KeyValuePair.Create(p.Key, new Microsoft.Extensions.Primitives.StringValues(p.Value))));
        return Done(form["client"], await ControllerEndpoints.StartAsync(platform, parameters, grains, http));
    }

    public static async Task<IResult> StopAsync(
        string platform, string client, HttpContext http, IGrainFactory grains, IOptions<OpenWxApiOptions> options, TimeProvider time) =>
        KeyOf(platform, client) is null
            ? Results.NotFound()
            : Done(client, await ControllerEndpoints.StopAsync(platform, Client(client), grains, options, time, http));

    /// <summary>QQ through Openqq's relogin route; WeChat (no such route) straight to the grain: a new QR to scan.</summary>
    public static async Task<IResult> ReloginAsync(string platform, string client, IGrainFactory grains, IOptions<OpenWxApiOptions> options)
    {
        if (KeyOf(platform, client) is not { } key)
        {
            return Results.NotFound();
        }
        if (platform == AccountKey.QQ)
        {
            return Done(client, await QqAdminEndpoints.ReloginAsync(Client(client), grains, options));
        }
        // The grain does nothing for an account that is not started and says so in the status it answers.
        return (await grains.GetAccount(key).ReloginAsync()).IsStarted
            ? Done(client, MojoReply.Error(0, "success, waiting for a new QR scan"))
            : Done(client, MojoReply.Error(-1, AccountGate.ClientNotExists));
    }

    /// <summary>The account key of a console path, or null for an unknown platform or a name no route accepts.</summary>
    public static string? KeyOf(string platform, string client) =>
        platform is AccountKey.WeChat or AccountKey.QQ && ClientNames.IsValid(client) ? AccountKey.For(platform, client) : null;

    private static MojoParameters Client(string client) =>
        MojoParameters.FromPairs([KeyValuePair.Create("client", new Microsoft.Extensions.Primitives.StringValues(client))]);

    /// <summary>Back to the list with the route's status text (and its error, e.g. an unreachable OneBot implementation).</summary>
    private static IResult Done(string? client, IResult reply)
    {
        var body = (reply as MojoReply)?.Body as JsonObject;
        var status = body?["status"]?.ToString() ?? "no answer";
        var error = body?["error"]?.ToString();
        var notice = $"{client}: {status}{(error is null ? "" : " (" + error + ")")}";
        return Results.Redirect("/admin/?notice=" + Uri.EscapeDataString(notice));
    }
}
