using OpenWxCluster.Emulator.Control;
using OpenWxCluster.Emulator.Sessions;

namespace OpenWxCluster.Emulator.World;

/// <summary>One QR login: waiting → scanned → confirmed (ticket issued) → consumed by webwxnewloginpage.</summary>
internal sealed class PendingLogin
{
    private readonly Lock _gate = new();
    private LoginState _state = LoginState.Waiting;
    private bool _scanReported;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public PendingLogin(string uuid, TimeSpan lifetime)
    {
        Uuid = uuid;
        CreatedAt = DateTimeOffset.UtcNow;
        ExpiresAt = CreatedAt + lifetime;
        QrPng = QrImages.Render(uuid);
        QrSha256 = QrImages.Sha256Hex(QrPng);
    }

    public string Uuid { get; }
    public DateTimeOffset CreatedAt { get; }
    public DateTimeOffset ExpiresAt { get; }
    public byte[] QrPng { get; }
    public string QrSha256 { get; }
    public string? ScannerWxid { get; private set; }
    public string? Ticket { get; private set; }
    public DateTimeOffset ChangedAt { get; private set; } = DateTimeOffset.UtcNow;

    public LoginState State
    {
        get
        {
            lock (_gate)
            {
                return StateLocked();
            }
        }
    }

    public PendingLoginInfo Info()
    {
        lock (_gate)
        {
            return new PendingLoginInfo(Uuid, StateLocked().ToString().ToLowerInvariant(), QrSha256, CreatedAt, ExpiresAt, ScannerWxid);
        }
    }

    public void Scan(string wxid)
    {
        Transition(LoginState.Waiting, LoginState.Scanned, () => ScannerWxid = wxid);
    }

    /// <summary>The phone confirms; the ticket it yields is what the redirect_uri carries.</summary>
    public string Confirm()
    {
        Transition(LoginState.Scanned, LoginState.Confirmed, () => Ticket = Secrets.Lower(24) + "@qrticket_0");
        return Ticket!;
    }

    /// <summary>webwxnewloginpage takes the ticket once; returns the scanner's wxid, or null if not usable.</summary>
    public string? Consume()
    {
        lock (_gate)
        {
            if (_state != LoginState.Confirmed)
            {
                return null;
            }

            _state = LoginState.Consumed;
            ChangedAt = DateTimeOffset.UtcNow;
            return ScannerWxid;
        }
    }

    /// <summary>
    /// Long-poll step: 400 once expired, 200 after confirm, 201 the first time a poll sees the scan, else waits up to
    /// the hold (bounded by the expiry) and answers 408.
    /// </summary>
    public async Task<int> PollAsync(TimeSpan hold, CancellationToken ct)
    {
        var deadline = DateTimeOffset.UtcNow + hold;
        while (true)
        {
            Task signal;
            lock (_gate)
            {
                switch (StateLocked())
                {
                    case LoginState.Expired or LoginState.Consumed:
                        return 400;
                    case LoginState.Confirmed:
                        return 200;
                    case LoginState.Scanned when !_scanReported:
                        _scanReported = true;
                        return 201;
                }

                signal = _changed.Task;
            }

            var now = DateTimeOffset.UtcNow;
            var until = deadline < ExpiresAt ? deadline : ExpiresAt;
            if (until <= now)
            {
                return ExpiresAt <= now ? 400 : 408;
            }

            if (!await Signals.WaitAsync(signal, until - now, ct) && until == deadline)
            {
                return 408;
            }
        }
    }

    private void Transition(LoginState from, LoginState to, Action apply)
    {
        TaskCompletionSource wake;
        lock (_gate)
        {
            var current = StateLocked();
            if (current != from)
            {
                throw new EmulatorControlException(409, $"login {Uuid} is {current.ToString().ToLowerInvariant()}, not {from.ToString().ToLowerInvariant()}");
            }

            apply();
            _state = to;
            ChangedAt = DateTimeOffset.UtcNow;
            wake = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        wake.TrySetResult();
    }

    private LoginState StateLocked() =>
        _state is LoginState.Waiting or LoginState.Scanned && DateTimeOffset.UtcNow >= ExpiresAt ? LoginState.Expired : _state;
}
