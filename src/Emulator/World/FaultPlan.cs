using OpenWxCluster.Emulator.Control;

namespace OpenWxCluster.Emulator.World;

/// <summary>The armed fault and how many more requests it may hit; one at a time keeps tests deterministic.</summary>
internal sealed class FaultPlan
{
    private readonly Lock _gate = new();
    private FaultRequest? _fault;
    private int? _remaining;
    private TaskCompletionSource _release = NewGate();
    private int _held;

    /// <summary>Requests a <c>hold</c> fault is holding now: what a client has in flight at the upstream at once.</summary>
    public int Held => Volatile.Read(ref _held);

    /// <summary>Holds a request until <see cref="Release"/> (or until it is aborted).</summary>
    public async Task HoldAsync(CancellationToken aborted)
    {
        Task gate;
        lock (_gate)
        {
            gate = _release.Task;
            _held++;
        }
        try
        {
            await gate.WaitAsync(aborted);
        }
        finally
        {
            lock (_gate)
            {
                _held--;
            }
        }
    }

    /// <summary>Lets every held request go on; later ones are held again while the fault lasts.</summary>
    public void Release()
    {
        TaskCompletionSource released;
        lock (_gate)
        {
            released = _release;
            _release = NewGate();
        }
        released.SetResult();
    }

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

    private static TaskCompletionSource NewGate() => new(TaskCreationOptions.RunContinuationsAsynchronously);

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
