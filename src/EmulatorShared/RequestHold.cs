namespace OpenWxCluster.EmulatorShared;

/// <summary>
/// Holds requests until released and counts the held ones: how a test sees, from the upstream's side, how many
/// requests a client has in flight at once. One source compiled into both emulators (WeChat and QQ).
/// </summary>
internal sealed class RequestHold
{
    private readonly Lock _gate = new();
    private TaskCompletionSource _release = NewGate();
    private int _held;

    /// <summary>Requests held now.</summary>
    public int Held
    {
        get
        {
            lock (_gate)
            {
                return _held;
            }
        }
    }

    /// <summary>Holds a request until <see cref="Release"/> (or until it is aborted).</summary>
    public async Task WaitAsync(CancellationToken aborted)
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

    /// <summary>Lets every held request go on; later ones are held again.</summary>
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

    private static TaskCompletionSource NewGate() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
