using Microsoft.Extensions.Options;
using OpenWxCluster.Grains.Common;
using OpenWxCluster.Grains.Options;

namespace OpenWxCluster.Grains.Events;

/// <summary>
/// check_event buffer of one account, fed by the account's outbox (idempotent: sequence numbers it has are
/// dropped), bounded, persisted. Waiting pollers park on a completion source; nothing blocks the scheduler.
/// </summary>
public sealed class EventInboxGrain(
    [PersistentState("inbox", OrleansNames.Storage)] IPersistentState<InboxState> state,
    IOptions<EventInboxOptions> options)
    : Grain, IEventInboxGrain
{
    private readonly SerialStateWriter _writer = new(state.WriteStateAsync);
    private TaskCompletionSource? _arrived;
    private int _waitingPolls;

    public async Task<IReadOnlyList<AccountEvent>> PeekAsync(TimeSpan maxWait)
    {
        await WaitForPendingAsync(maxWait);
        return [.. state.State.Pending];
    }

    public async Task AcknowledgeAsync(long upToSeq)
    {
        if (state.State.Pending.RemoveAll(e => e.Seq <= upToSeq) > 0)
        {
            await _writer.WriteAsync();
        }
    }

    private async Task WaitForPendingAsync(TimeSpan maxWait)
    {
        if (state.State.Pending.Count == 0 && maxWait > TimeSpan.Zero)
        {
            _arrived ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waitingPolls++;
            try
            {
                await Task.WhenAny(_arrived.Task, Task.Delay(maxWait));
            }
            finally
            {
                _waitingPolls--;
            }
        }
    }

    public Task<InboxInfo> GetInfoAsync() =>
        Task.FromResult(new InboxInfo(state.State.Pending.Count, state.State.LastSeq, state.State.Dropped, _waitingPolls));

    public async Task AcceptAsync(IReadOnlyList<AccountEvent> events)
    {
        var pending = state.State.Pending;
        var changed = false;
        foreach (var e in events)
        {
            if (e.Seq <= state.State.LastSeq)
            {
                continue; // a replay after a failover or a retried delivery
            }
            state.State.LastSeq = e.Seq;
            changed = true;
            if (CheckEventFilter.Accepts(e))
            {
                pending.Add(e);
            }
        }
        if (!changed)
        {
            return;
        }
        var overflow = pending.Count - Math.Max(1, options.Value.Capacity);
        if (overflow > 0)
        {
            pending.RemoveRange(0, overflow);
            state.State.Dropped += overflow;
        }
        await _writer.WriteAsync();
        var waiter = _arrived;
        _arrived = null;
        waiter?.TrySetResult();
    }
}
