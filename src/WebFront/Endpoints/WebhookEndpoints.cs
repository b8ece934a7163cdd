using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using static OpenWxCluster.WebFront.MojoParam;

namespace OpenWxCluster.WebFront;

/// <summary>
/// <c>get_post_log</c> (not in Mojo): the account's post_api delivery — destination, backlog, counters and the last
/// attempts — so an operator can see why a webhook gets nothing without reading silo logs.
/// </summary>
internal static class WebhookEndpoints
{
    public static IEndpointRouteBuilder MapWebhookEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapMojo("get_post_log", GetPostLogAsync)
            .WithSummary("The account's webhook (post_api) deliveries")
            .Accepts().Answers(MojoShapes.PostLog);
        return endpoints;
    }

    internal static async Task<IResult> GetPostLogAsync(
        MojoParameters parameters, [FromServices] IGrainFactory grains, [FromServices] IOptions<OpenWxApiOptions> options)
    {
        var check = await AccountGate.OpenAsync(grains, parameters, options.Value.DefaultClient, requireRunning: false);
        if (!check.IsOk)
        {
            return check.Error!;
        }
        var info = await grains.ForKey<IWebhookGrain>(check.Key).GetInfoAsync();
        return MojoReply.Json(WebhookJson.Info(info));
    }
}
