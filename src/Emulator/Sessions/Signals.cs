namespace OpenWxCluster.Emulator.Sessions;

/// <summary>Waiting on a signal task with a timeout without throwing on timeout (long polls time out constantly).</summary>
internal static class Signals
{
    /// <summary>True when the signal completed, false when the timeout elapsed; throws only if ct is cancelled.</summary>
    public static async Task<bool> WaitAsync(Task signal, TimeSpan timeout, CancellationToken ct)
    {
        if (signal.IsCompleted)
        {
            return true;
        }

        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var delay = Task.Delay(timeout, cts.Token);
        var first = await Task.WhenAny(signal, delay);
        await cts.CancelAsync();
        ct.ThrowIfCancellationRequested();
        return first == signal;
    }
}
