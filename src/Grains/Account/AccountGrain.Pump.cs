using OpenWxCluster.Grains.Account.Login;
using OpenWxCluster.Grains.Logging;
using OpenWxCluster.Protocol;

namespace OpenWxCluster.Grains.Account;

// The pump: one interleaving grain timer that performs the state machine's next upstream action. Its period counts
// from the end of each callback, so a 25 s long-poll never overlaps the next tick, and API calls interleave with it.
public sealed partial class AccountGrain
{
    private IGrainTimer? _pump;
    private CancellationTokenSource? _pumpCancellation;
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
        _pump = this.RegisterGrainTimer(
            static (self, _) => self.PumpAsync(),
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

    private async Task PumpAsync()
    {
        if (_pumpCancellation is null || DateTimeOffset.UtcNow < _notBefore)
        {
            return;
        }
        var cancellation = _pumpCancellation.Token;
        var epoch = _epoch;
        var action = _machine.NextAction;
        try
        {
            if (state.State.Outbox.Count > 0)
            {
                // Saved before a failed delivery or a silo loss: deliver (no new write needed) before anything else.
                await RetryDeliveryAsync();
            }
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
                    await SyncOnceAsync(epoch, cancellation);
                    break;
                default:
                    break;
            }
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            // Stopped while waiting upstream.
        }
        catch (WxProtocolException e)
        {
            logger.StepFailed(Key, action.ToString(), e.Message);
            state.State.LastError = e.Message;
            _notBefore = DateTimeOffset.UtcNow + _options.ErrorBackoff;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A bug or an unexpected upstream answer must not kill the activation: log, back off, try again.
            logger.Unexpected(e, Key, action.ToString());
            state.State.LastError = e.GetType().Name;
            _notBefore = DateTimeOffset.UtcNow + _options.ErrorBackoff;
        }
    }
}
