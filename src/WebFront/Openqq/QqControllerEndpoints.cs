using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace OpenWxCluster.WebFront;

/// <summary>
/// Openqq's controller routes (start_client, stop_client, check_client, get_qrcode) and check_event: Openwx's
/// handlers over <c>qq/&lt;client&gt;</c> keys. start_client also takes the OneBot implementation (<see cref="QqStartParameters"/>).
/// </summary>
internal static class QqControllerEndpoints
{
    public static IEndpointRouteBuilder MapQqControllerEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapMojo("start_client", StartClientAsync, OpenQqApiExtensions.Api);
        endpoints.MapMojo("stop_client", StopClientAsync, OpenQqApiExtensions.Api);
        endpoints.MapMojo("check_client", CheckClientAsync, OpenQqApiExtensions.Api);
        endpoints.MapMojo("get_qrcode", GetQrCodeAsync, OpenQqApiExtensions.Api);
        return endpoints;
    }

    public static IEndpointRouteBuilder MapQqEventEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapMojo("check_event", CheckEventAsync, OpenQqApiExtensions.Api);
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
