using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OpenWxCluster.Emulator.World;

namespace OpenWxCluster.Emulator.Control;

/// <summary>/control/media-messages: phone-sent voice and video, for the download CGIs.</summary>
internal static class ControlMediaEndpoints
{
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/control/media-messages", (ControlMediaMessageRequest r, EmulatorWorld w) =>
        {
            try
            {
                return Results.Json(w.SendMedia(r));
            }
            catch (EmulatorControlException e)
            {
                return Results.Json(new ControlError(e.Message), statusCode: e.StatusCode);
            }
        });
}
