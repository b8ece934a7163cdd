namespace OpenWxCluster.Emulator.Control;

/// <summary>
/// PUT /control/faults: the next <see cref="Count"/> protocol requests (all, when null) whose path contains
/// <see cref="PathContains"/> get the fault. Mode: <c>latency</c> (delay, then normal answer), <c>error</c> (HTTP
/// <see cref="Status"/>, default 500, empty body), <c>malformed</c> (the real body cut in half, announced as
/// complete), <c>truncated</c> (Content-Length of the full body, half of it sent, connection aborted),
/// <c>retcode</c> (a well-formed answer carrying <see cref="RetCode"/>: synccheck's retcode, else BaseResponse.Ret;
/// for retcodes the service has but the emulator never produces by itself), <c>hold</c> (held until POST
/// /control/faults/release, then answered normally; GET /control/faults/held counts the held ones: how many requests
/// a client has in flight at once). LatencyMs applies before any mode.
/// </summary>
public sealed record FaultRequest
{
    public string Mode { get; init; } = "error";
    public int? Status { get; init; }
    public int LatencyMs { get; init; }
    public int? Count { get; init; }
    public string? PathContains { get; init; }
    public int RetCode { get; init; }
}
