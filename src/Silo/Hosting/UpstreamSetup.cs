using OpenWxCluster.Emulator;
using OpenWxCluster.Protocol.Hosting;
using OpenWxCluster.Protocol.Web;

namespace OpenWxCluster.Silo.Hosting;

/// <summary>
/// Wires the protocol driver to its upstream: the real web WeChat hosts, an external emulator, or (demo mode)
/// an emulator started inside this process whose simulated phone scans the QR and chats.
/// </summary>
public static class UpstreamSetup
{
    public static async Task<EmulatorHost?> ConfigureAsync(WebApplicationBuilder builder, AppOptions app)
    {
        builder.Services.AddWebWxProtocol(builder.Configuration.GetSection(WebWxOptions.SectionName));
        var useEmulator = app.Demo || string.Equals(app.Upstream, "emulator", StringComparison.OrdinalIgnoreCase);
        if (!useEmulator)
        {
            return null;
        }
        EmulatorHost? embedded = null;
        var baseUrl = app.EmulatorUrl;
        if (string.IsNullOrWhiteSpace(baseUrl))
        {
            embedded = await EmulatorHost.StartAsync(new EmulatorOptions { Demo = app.Demo, ControlToken = app.EmulatorControlToken });
            baseUrl = embedded.BaseUri.ToString();
        }
        builder.Services.PostConfigure<WebWxOptions>(o => o.LoopbackBaseUrl = baseUrl.TrimEnd('/'));
        return embedded;
    }
}
