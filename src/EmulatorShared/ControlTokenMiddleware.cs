using System.Security.Cryptography;
using System.Text;

namespace OpenWxCluster.EmulatorShared;

/// <summary>
/// With a control token set (an emulator inside a silo), <c>/control</c> answers only requests carrying it as
/// <c>Authorization: Bearer</c>: it can scan QR codes and read every sent message. One source compiled into both
/// emulators (WeChat and QQ), which share no library.
/// </summary>
internal static class ControlTokenMiddleware
{
    public static void UseControlToken(this WebApplication app, string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return;
        }
        var expected = Encoding.UTF8.GetBytes("Bearer " + token);
        app.Use(async (http, next) =>
        {
            if (http.Request.Path.StartsWithSegments("/control")
                && !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(http.Request.Headers.Authorization.ToString()), expected))
            {
                http.Response.StatusCode = StatusCodes.Status401Unauthorized;
                await http.Response.WriteAsJsonAsync(new { error = "the control API needs its token (Authorization: Bearer)" });
                return;
            }
            await next(http);
        });
    }
}
