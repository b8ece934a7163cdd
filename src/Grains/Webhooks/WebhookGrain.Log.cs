using OpenWxCluster.Grains.Common;

namespace OpenWxCluster.Grains.Webhooks;

// The attempt log lives in its own state (WebhookLogState). While deliveries flow it is saved at most once per
// LogSaveInterval; it is saved at once when the backlog drains, when the grain deactivates and, throttled the same
// way, on a retry during an outage. A silo crash can so lose the attempts of the last interval from the log, never
// an event: events are in the backlog, which every delivery still saves.
public sealed partial class WebhookGrain
{
    private SerialStateWriter? _logWriter;
    private bool _logChanged;
    private long _logSavedAt;

    private SerialStateWriter LogWriter => _logWriter ??= new SerialStateWriter(attemptLog.WriteStateAsync);

    private void Record(WebhookAttempt attempt)
    {
        var log = attemptLog.State.Attempts;
        log.Insert(0, attempt);
        if (log.Count > Math.Max(1, _options.LogSize))
        {
            log.RemoveRange(_options.LogSize, log.Count - _options.LogSize);
        }
        _logChanged = true;
    }

    /// <summary>
    /// Saves the log if it changed and, unless <paramref name="now"/>, the last save is older than LogSaveInterval.
    /// A failed save is logged and tried again later: the log is diagnostics and must not stop deliveries.
    /// </summary>
    private async Task SaveLogAsync(bool now)
    {
        if (!_logChanged || (!now && _logSavedAt != 0 && time.GetElapsedTime(_logSavedAt) < _options.LogSaveInterval))
        {
            return;
        }
        _logChanged = false;
        _logSavedAt = time.GetTimestamp();
        try
        {
            await LogWriter.WriteAsync();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            _logChanged = true;
            logger.LogWriteFailed(Key, e.GetType().Name);
        }
    }

    /// <summary>Attempts saved with the backlog before the log had its own state move to it once.</summary>
    private void AdoptOldLog()
    {
        if (state.State.Attempts.Count > 0 && attemptLog.State.Attempts.Count == 0)
        {
            attemptLog.State.Attempts = state.State.Attempts;
            _logChanged = true;
        }
        state.State.Attempts = [];
    }
}
