using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using static OpenWxCluster.WebFront.MojoParam;

namespace OpenWxCluster.WebFront;

/// <summary>
/// Openqq's controller routes (start_client, stop_client, check_client, get_qrcode) and check_event: Openwx's
/// handlers over <c>qq/&lt;client&gt;</c> keys. start_client also takes the OneBot implementation (<see cref="QqStartParameters"/>).
/// </summary>
internal static class QqControllerEndpoints
{
    public static IEndpointRouteBuilder MapQqControllerEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapMojo("start_client", StartClientAsync, OpenQqApiExtensions.Api)
            .WithSummary("Start a QQ account (Controller): its OneBot v11 implementation and start options")
            .AcceptsMore(MojoParams.ControllerClient, Req("onebot_url", "the OneBot implementation's HTTP API"), Opt("onebot_token", "its access token"), Opt("onebot_secret", "the signature secret of its HTTP POST reports"), Opt("onebot_event", "http_post (default) or reverse_ws"), Opt("post_api", "webhook URL for the events"), Opt("poll_api", "URL polled for API calls"), Opt("send_interval", "seconds between sends")).Answers(MojoShapes.ClientRecord);
        endpoints.MapMojo("stop_client", StopClientAsync, OpenQqApiExtensions.Api)
            .WithSummary("Stop a QQ account")
            .Accepts().Answers(MojoShapes.ClientRecord);
        endpoints.MapMojo("check_client", CheckClientAsync, OpenQqApiExtensions.Api)
            .WithSummary("The state of one QQ account (client=) or of every started one")
            .Accepts().Answers(MojoShapes.ClientList);
        endpoints.MapMojo("get_qrcode", GetQrCodeAsync, OpenQqApiExtensions.Api)
            .WithSummary("The login QR image (QQ: none, the OneBot implementation logs in)")
            .Accepts(MojoParams.ControllerClient).AnswersFile("image/*");
        return endpoints;
    }

    public static IEndpointRouteBuilder MapQqEventEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapMojo("check_event", CheckEventAsync, OpenQqApiExtensions.Api)
            .WithSummary("Long-poll the received QQ events")
            .Accepts(Opt("cursor", "an event_id: answer the events after it")).Answers(MojoShapes.Events);
        return endpoints;
    }

    internal static Task<IResult> StartClientAsync(MojoParameters parameters, [FromServices] IGrainFactory grains, HttpContext http) =>
        ControllerEndpoints.StartAsync(AccountKey.QQ, parameters, grains, http);

    internal static Task<IResult> StopClientAsync(
        MojoParameters parameters,
        [FromServices] IGrainFactory grains,
        [FromServices] IOptions<OpenWxApiOptions> options,
        [FromServices] TimeProvider time,
        HttpContext http) =>
        ControllerEndpoints.StopAsync(AccountKey.QQ, parameters, grains, options, time, http);

    internal static Task<IResult> CheckClientAsync(MojoParameters parameters, [FromServices] IGrainFactory grains, HttpContext http) =>
        ControllerEndpoints.CheckAsync(AccountKey.QQ, parameters, grains, http);

    /// <summary>QQ logs in inside the OneBot implementation: never a QR, always the JSON 404 naming the state.</summary>
    internal static Task<IResult> GetQrCodeAsync(MojoParameters parameters, [FromServices] IGrainFactory grains, HttpContext http) =>
        ControllerEndpoints.QrCodeAsync(AccountKey.QQ, parameters, grains, http);

    internal static Task<IResult> CheckEventAsync(
        MojoParameters parameters,
        [FromServices] IGrainFactory grains,
        [FromServices] IOptions<OpenWxApiOptions> options,
        [FromServices] TimeProvider time,
        HttpContext http) =>
        EventEndpoints.CheckAsync(AccountKey.QQ, parameters, grains, options, time, http);
}
