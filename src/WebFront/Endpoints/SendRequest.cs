
namespace OpenWxCluster.WebFront;

/// <summary>What every send endpoint needs from its request scope.</summary>
internal sealed record SendRequest(
    MojoParameters Parameters,
    IGrainFactory Grains,
    OpenWxApiOptions Options,
    ILoggerFactory Loggers,
    HttpContext Http);
