using OpenWxCluster.Grains.Account.Login;
using OpenWxCluster.Grains.Logging;
using OpenWxCluster.Protocol;

namespace OpenWxCluster.Grains.Account;

// The pump: one interleaving grain timer that performs the state machine's next upstream action, one action per
// tick, so API calls interleave with a hanging long-poll and a deactivation waits for one action at most. After a
// step that brought news or was held upstream, the timer is re-armed to fire at once (PumpPacer): the next synccheck
// follows a batch without a pause. The period (counted from the end of a tick) only paces errors and quick empty
// answers.
public sealed partial class AccountGrain
{
    private IGrainTimer? _pump;
    private CancellationTokenSource? _pumpCancellation;
    private PumpPacer? _pacer;
    // Bumped whenever the pump stops, so an answer that arrives after stop/restart is discarded.
    private int _epoch;
    private DateTimeOffset _notBefore;

    private void StartPump()
    {
        if (_pump is not null)
        {
            return;
        }
        _pumpCancellation = new CancellationTokenSource();
        _pacer = new PumpPacer(_options.PumpInterval, _options.MaxQuickSteps);
        _pump = this.RegisterGrainTimer(
            static (self, stopping) => self.PumpAsync(stopping),
            this,
            new GrainTimerCreationOptions(TimeSpan.Zero, _options.PumpInterval) { Interleave = true, KeepAlive = true });
    }

    private void StopPump()
    {
        _epoch++;
        _pump?.Dispose();
        _pump = null;
        _pumpCancellation?.Cancel();
        _pumpCancellation?.Dispose();
        _pumpCancellation = null;
    }

    private bool Stale(int epoch) => epoch != _epoch;

    /// <param name="stopping">The timer's token: cancelled when the timer is disposed (stop, deactivation).</param>
    private async Task PumpAsync(CancellationToken stopping)
    {
        if (_pumpCancellation is null || _pacer is null || stopping.IsCancellationRequested || DateTimeOffset.UtcNow < _notBefore)
        {
            return;
        }
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(_pumpCancellation.Token, stopping);
        var cancellation = linked.Token;
        var epoch = _epoch;
        var pacer = _pacer;
        var action = _machine.NextAction;
        try
        {
            if (state.State.Outbox.Count > 0)
            {
                // Saved before a failed delivery or a silo loss: deliver (no new write needed) before anything else.
                await RetryDeliveryAsync();
            }
            var started = TimeProvider.System.GetTimestamp();
            var advanced = await StepAsync(action, epoch, cancellation);
            if (!Stale(epoch) && pacer.NextAtOnce(advanced, TimeProvider.System.GetElapsedTime(started)))
            {
                // Takes effect when this tick ends; the tick after it falls back to the period.
                _pump?.Change(TimeSpan.Zero, _options.PumpInterval);
            }
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            // Stopped while waiting upstream.
        }
        catch (WxProtocolException e)
        {
            logger.StepFailed(Key, action.ToString(), e.Message);
            metrics.SyncError(Key, "protocol");
            state.State.LastError = e.Message;
            BackOff(pacer);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A bug or an unexpected upstream answer must not kill the activation: log, back off, try again.
            logger.Unexpected(e, Key, action.ToString());
            metrics.SyncError(Key, "unexpected");
            state.State.LastError = e.GetType().Name;
            BackOff(pacer);
        }
    }

    private void BackOff(PumpPacer pacer)
    {
        pacer.Reset();
        _notBefore = DateTimeOffset.UtcNow + _options.ErrorBackoff;
    }

    /// <summary>One upstream action; true when it advanced (a batch with content, or the machine moved on).</summary>
    private async Task<bool> StepAsync(LoginAction action, int epoch, CancellationToken cancellation)
    {
        var before = (_machine.State, _machine.NextAction);
        var synced = false;
        switch (action)
        {
            case LoginAction.FetchQrCode:
                await FetchQrCodeAsync(epoch, cancellation);
                break;
            case LoginAction.PollLogin:
                await PollLoginAsync(epoch, cancellation);
                break;
            case LoginAction.CompleteLogin:
                await CompleteLoginAsync(epoch, cancellation);
                break;
            case LoginAction.Sync:
                synced = await SyncOnceAsync(epoch, cancellation);
                break;
            default:
                break;
        }
        return synced || before != (_machine.State, _machine.NextAction);
    }
}
