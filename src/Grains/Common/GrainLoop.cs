namespace OpenWxCluster.Grains.Common;

/// <summary>
/// One interleaving, keep-alive grain timer and a cancellation source that ends its in-flight work: how the webhook
/// delivery and the poll_api heartbeat run. Ticks start when the previous one has ended (the period counts from
/// there). Start is idempotent; Stop cancels the running tick and disposes the timer.
/// </summary>
public sealed class GrainLoop
{
    private IGrainTimer? _timer;
    private CancellationTokenSource? _stopping;

    public bool IsRunning => _timer is not null;

    public void Start(IGrainBase grain, Func<CancellationToken, Task> tick, TimeSpan period)
    {
        if (_timer is not null)
        {
            return;
        }
        _stopping = new CancellationTokenSource();
        _timer = grain.RegisterGrainTimer(
            static (state, _) => state.Tick(state.Token),
            (Tick: tick, Token: _stopping.Token),
            new GrainTimerCreationOptions(TimeSpan.Zero, period) { Interleave = true, KeepAlive = true });
    }

    public void Stop()
    {
        _timer?.Dispose();
        _timer = null;
        _stopping?.Cancel();
        _stopping?.Dispose();
        _stopping = null;
    }

    /// <summary>Stops the loop if it is still the one <paramref name="token"/> came from (not a newer one).</summary>
    public void StopIfCurrent(CancellationToken token)
    {
        if (_stopping is { } current && current.Token == token)
        {
            Stop();
        }
    }
}
