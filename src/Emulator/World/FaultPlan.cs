using OpenWxCluster.Emulator.Control;
using OpenWxCluster.EmulatorShared;

namespace OpenWxCluster.Emulator.World;

/// <summary>The armed fault and how many more requests it may hit; one at a time keeps tests deterministic.</summary>
internal sealed class FaultPlan
{
    private readonly Lock _gate = new();
    private FaultRequest? _fault;
    private int? _remaining;

    /// <summary>What a <c>hold</c> fault holds: a test counts and releases them.</summary>
    public RequestHold Hold { get; } = new();

    public void Arm(FaultRequest? fault)
    {
        if (fault is not null && fault.Mode is not ("latency" or "error" or "malformed" or "truncated" or "retcode" or "hold"))
        {
            throw EmulatorControlException.BadRequest("mode must be latency, error, malformed, truncated, retcode or hold");
        }

        lock (_gate)
        {
            _fault = fault;
            _remaining = fault?.Count;
        }
    }

    /// <summary>The fault for this request path, consuming one use, or null.</summary>
    public FaultRequest? Take(string path)
    {
        lock (_gate)
        {
            if (_fault is null || (_fault.PathContains is { } part && !path.Contains(part, StringComparison.Ordinal)))
            {
                return null;
            }

            var fault = _fault;
            if (_remaining is { } left)
            {
                _remaining = left - 1;
                if (left - 1 <= 0)
                {
                    _fault = null;
                }
            }

            return fault;
        }
    }
}
