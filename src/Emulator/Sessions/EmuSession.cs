using OpenWxCluster.Emulator.World;

namespace OpenWxCluster.Emulator.Sessions;

/// <summary>
/// One web login. Holds the credentials, the per-session names and a bounded, seq-ordered queue of pending events.
/// Waiters (synccheck) await a TaskCompletionSource that is completed and replaced on every change, so thousands of
/// hanging requests cost no threads.
/// </summary>
internal sealed class EmuSession
{
    private readonly Lock _gate = new();
    private readonly Queue<SessionEvent> _events = new();
    private readonly int _eventLimit;
    private readonly SendDedupe _dedupe = new(1000);
    private long _lastSeq;
    private long _ackedSeq;
    private long _syncChecks;
    private int _hangingSyncChecks;
    private long _syncs;
    private long _lastSyncCheckTicks;
    private int _invalidRetCode;
    private TaskCompletionSource _changed = NewSignal();

    public EmuSession(string wxid, long uin, string domain, int eventLimit)
    {
        Wxid = wxid;
        Uin = uin;
        Domain = domain;
        _eventLimit = Math.Max(1, eventLimit);
        SelfUserName = Names.NameOf(wxid);
    }

    public string Wxid { get; }
    public long Uin { get; }
    public string Domain { get; }
    public string Sid { get; } = Secrets.Sid();
    public string Skey { get; } = Secrets.Skey();
    public string PassTicket { get; } = Secrets.Ticket(64);
    public string DataTicket { get; } = Secrets.Ticket(48);
    public string AuthTicket { get; } = Secrets.Ticket(48);
    public DateTimeOffset LoggedInAt { get; } = DateTimeOffset.UtcNow;
    public SessionNames Names { get; } = new();
    public string SelfUserName { get; }

    /// <summary>SyncKey key 1: ties a SyncKey to this session, so another session's key is rejected.</summary>
    public long SyncBase { get; } = 600_000_000 + Random.Shared.Next(0, 99_999_999);

    public bool Initialized { get; set; }
    public bool RateLimited { get; set; }
    public bool RateLimitSyncCheck { get; set; }

    /// <summary>Stable contact order captured at webwxgetcontact seq=0 so later pages don't shift under the client.</summary>
    public IReadOnlyList<string>? ContactSnapshot { get; set; }

    public SendDedupe Dedupe => _dedupe;

    public int InvalidRetCode => Volatile.Read(ref _invalidRetCode);

    /// <summary>When the session stopped being valid (for the registry's sweep).</summary>
    public DateTimeOffset InvalidatedAt { get; private set; } = DateTimeOffset.MaxValue;

    /// <summary>Highest seq the client has acknowledged by presenting it in a SyncKey (synccheck or webwxsync).</summary>
    public long AckedSeq => Interlocked.Read(ref _ackedSeq);

    /// <summary>synccheck requests accepted (valid session and key), and how many are being held right now.</summary>
    public long SyncChecks => Interlocked.Read(ref _syncChecks);

    public int HangingSyncChecks => Volatile.Read(ref _hangingSyncChecks);

    /// <summary>webwxsync requests accepted (valid session and key).</summary>
    public long Syncs => Interlocked.Read(ref _syncs);

    public DateTimeOffset? LastSyncCheckAt =>
        Interlocked.Read(ref _lastSyncCheckTicks) is var t and > 0 ? new DateTimeOffset(t, TimeSpan.Zero) : null;

    /// <summary>The client ended the session with webwxlogout.</summary>
    public bool LoggedOut { get; private set; }

    public long LastSeq
    {
        get
        {
            lock (_gate)
            {
                return _lastSeq;
            }
        }
    }

    public int PendingCount
    {
        get
        {
            lock (_gate)
            {
                return _events.Count;
            }
        }
    }

    public void Enqueue(SessionEventKind kind, EmuMessage? message, string? contactId)
    {
        TaskCompletionSource wake;
        lock (_gate)
        {
            _events.Enqueue(new SessionEvent(++_lastSeq, kind, message, contactId));
            while (_events.Count > _eventLimit)
            {
                _events.Dequeue();
            }

            wake = SwapSignalLocked();
        }

        wake.TrySetResult();
    }

    /// <summary>Observation only (the control API shows it): a synccheck arrived and is now being held.</summary>
    public void SyncCheckStarted()
    {
        Interlocked.Increment(ref _syncChecks);
        Interlocked.Exchange(ref _lastSyncCheckTicks, DateTimeOffset.UtcNow.UtcTicks);
        Interlocked.Increment(ref _hangingSyncChecks);
    }

    public void SyncCheckEnded() => Interlocked.Decrement(ref _hangingSyncChecks);

    public void SyncArrived() => Interlocked.Increment(ref _syncs);

    /// <summary>Records the highest acknowledged seq (acks only grow; an old key from a stale client does not lower it).</summary>
    public void Acknowledge(long ackSeq)
    {
        var current = Interlocked.Read(ref _ackedSeq);
        while (ackSeq > current)
        {
            var seen = Interlocked.CompareExchange(ref _ackedSeq, ackSeq, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }

    public void MarkLoggedOut() => LoggedOut = true;

    public void Invalidate(int retCode)
    {
        TaskCompletionSource wake;
        lock (_gate)
        {
            if (_invalidRetCode == 0 || retCode != 0)
            {
                _invalidRetCode = retCode;
                InvalidatedAt = DateTimeOffset.UtcNow;
            }

            wake = SwapSignalLocked();
        }

        wake.TrySetResult();
    }

    /// <summary>Wakes hanging synccheck requests so they re-evaluate (rate-limit changes).</summary>
    public void Poke()
    {
        TaskCompletionSource wake;
        lock (_gate)
        {
            wake = SwapSignalLocked();
        }

        wake.TrySetResult();
    }

    /// <summary>Whether <paramref name="ackSeq"/> is a sequence number this session has issued.</summary>
    public bool IsValidAck(long ackSeq)
    {
        lock (_gate)
        {
            return ackSeq >= 0 && ackSeq <= _lastSeq;
        }
    }

    /// <summary>synccheck selector for events after ackSeq: 2 messages pending, 4 only contact changes, 0 nothing.</summary>
    public int Selector(long ackSeq)
    {
        lock (_gate)
        {
            return SelectorLocked(ackSeq);
        }
    }

    /// <summary>Waits until something is pending after ackSeq, the session is invalidated, or the hold elapses.</summary>
    public async Task<int> WaitSelectorAsync(long ackSeq, TimeSpan hold, Func<bool> stop, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + hold;
        while (true)
        {
            Task signal;
            lock (_gate)
            {
                var selector = SelectorLocked(ackSeq);
                if (selector != 0 || stop())
                {
                    return selector;
                }

                signal = _changed.Task;
            }

            var remaining = deadline - DateTime.UtcNow;
            if (remaining <= TimeSpan.Zero || !await Signals.WaitAsync(signal, remaining, ct))
            {
                return 0;
            }
        }
    }

    /// <summary>
    /// webwxsync: drops events up to ackSeq (the client has them), returns the next batch without removing it (a lost
    /// answer is re-delivered when the client repeats its key), the new ack and whether more remain.
    /// </summary>
    public (IReadOnlyList<SessionEvent> Events, long NewAck, bool More) Take(long ackSeq, int max)
    {
        lock (_gate)
        {
            while (_events.TryPeek(out var head) && head.Seq <= ackSeq)
            {
                _events.Dequeue();
            }

            var batch = _events.Take(Math.Max(1, max)).ToList();
            var newAck = batch.Count > 0 ? batch[^1].Seq : Math.Max(ackSeq, _lastSeq);
            return (batch, newAck, _events.Count > batch.Count);
        }
    }

    private int SelectorLocked(long ackSeq)
    {
        var selector = 0;
        foreach (var e in _events)
        {
            if (e.Seq <= ackSeq)
            {
                continue;
            }

            if (e.Kind == SessionEventKind.Message)
            {
                return 2;
            }

            selector = 4;
        }

        return selector;
    }

    private TaskCompletionSource SwapSignalLocked()
    {
        var old = _changed;
        _changed = NewSignal();
        return old;
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
