namespace OpenWxCluster.Grains.Account.Login;

/// <summary>
/// Mojo-Weixin's client life cycle (init → loading → scaning → confirming → updating → running → stop) as a pure
/// class: no Orleans, no HTTP. The grain feeds it triggers, performs the returned effects and runs
/// <see cref="LoginSnapshot.NextAction"/>.
/// </summary>
public sealed class LoginStateMachine(LoginOptions options, LoginSnapshot? snapshot = null)
{
    private readonly List<LoginEffect> _effects = [];

    public LoginSnapshot Snapshot { get; private set; } = snapshot ?? new LoginSnapshot();

    public ClientState State => Snapshot.State;

    public LoginAction NextAction => Snapshot.NextAction;

    /// <summary>Applies one trigger and returns the effects in the order the grain must perform them.</summary>
    public IReadOnlyList<LoginEffect> Apply(LoginTrigger trigger)
    {
        _effects.Clear();
        switch (trigger)
        {
            case LoginTrigger.Start: OnStart(); break;
            case LoginTrigger.Stop: OnStop(); break;
            case LoginTrigger.Relogin: OnRelogin(); break;
            case LoginTrigger.QrCodeFetched: OnQrCodeFetched(); break;
            case LoginTrigger.PollAnswered p: OnPoll(p.Code); break;
            case LoginTrigger.LoginRefused r: OnLoginRefused(r); break;
            case LoginTrigger.UpdateSucceeded: OnUpdateSucceeded(); break;
            case LoginTrigger.UpdateFailed: OnUpdateFailed(); break;
            case LoginTrigger.SyncRejected s: OnSyncRejected(s); break;
            case LoginTrigger.SyncFailed: OnSyncFailed(); break;
            case LoginTrigger.SyncSucceeded: OnSyncSucceeded(); break;
            default: throw new ArgumentOutOfRangeException(nameof(trigger), trigger.GetType().Name, "unknown trigger");
        }
        return [.. _effects];
    }

    private void OnStart()
    {
        if (State is not (ClientState.Init or ClientState.Stop))
        {
            return; // already started: start_client is idempotent
        }
        Snapshot = Snapshot with { Consecutive408 = 0, QrCodeCount = 0, SyncErrors = 0, Relogging = false, OfflineCause = null };
        MoveTo(ClientState.Loading, LoginAction.FetchQrCode);
    }

    private void OnStop()
    {
        if (State == ClientState.Stop)
        {
            return;
        }
        if (State is ClientState.Running or ClientState.Updating)
        {
            _effects.Add(new LoginEffect.LogoutUpstream());
        }
        _effects.Add(new LoginEffect.ClearSession());
        MoveTo(ClientState.Stop, LoginAction.None);
        _effects.Add(new LoginEffect.Emit("stop", []));
    }

    /// <summary>Mojo's relogin() on request: out, session dropped, a fresh QR. Nothing for an account not started.</summary>
    private void OnRelogin()
    {
        if (State is ClientState.Init or ClientState.Stop)
        {
            return;
        }
        Relogin();
    }

    private void OnQrCodeFetched()
    {
        if (State is not (ClientState.Loading or ClientState.Scaning or ClientState.Confirming))
        {
            return; // a stale answer after stop or login
        }
        Snapshot = Snapshot with { Consecutive408 = 0 };
        MoveTo(ClientState.Scaning, LoginAction.PollLogin);
    }

    private void OnPoll(int code)
    {
        if (State is not (ClientState.Scaning or ClientState.Confirming))
        {
            return;
        }
        switch (code)
        {
            case 408:
                Snapshot = Snapshot with { Consecutive408 = Snapshot.Consecutive408 + 1 };
                if (Snapshot.Consecutive408 >= options.PollsPerQrCode)
                {
                    QrCodeExpired();
                }
                else
                {
                    Snapshot = Snapshot with { NextAction = LoginAction.PollLogin };
                }
                break;
            case 201:
                Snapshot = Snapshot with { Consecutive408 = 0 };
                MoveTo(ClientState.Confirming, LoginAction.PollLogin);
                break;
            case 200:
                MoveTo(ClientState.Updating, LoginAction.CompleteLogin);
                break;
            default:
                // Mojo stops on 400 and refreshes on 500. Both mean the uuid is no longer usable; refreshing (bounded
                // by qrcode_count_max) keeps an unattended bot alive instead of exiting, which operators expect.
                QrCodeExpired();
                break;
        }
    }

    private void QrCodeExpired()
    {
        Snapshot = Snapshot with { QrCodeCount = Snapshot.QrCodeCount + 1, Consecutive408 = 0 };
        _effects.Add(new LoginEffect.Emit("qrcode_expire", []));
        if (Snapshot.QrCodeCount >= options.MaxQrCodeCount)
        {
            _effects.Add(new LoginEffect.ClearSession());
            MoveTo(ClientState.Stop, LoginAction.None);
            _effects.Add(new LoginEffect.Emit("stop", []));
            return;
        }
        MoveTo(ClientState.Scaning, LoginAction.FetchQrCode);
    }

    private void OnLoginRefused(LoginTrigger.LoginRefused refused)
    {
        if (State is not (ClientState.Updating or ClientState.Confirming or ClientState.Scaning))
        {
            return;
        }
        _effects.Add(new LoginEffect.Emit("login", [-1, refused.Message]));
        _effects.Add(new LoginEffect.ClearSession());
        // Mojo loops forever here (issues #125, #150); counting refusals as QR uses bounds the loop.
        Snapshot = Snapshot with { QrCodeCount = Snapshot.QrCodeCount + 1, Consecutive408 = 0 };
        if (Snapshot.QrCodeCount >= options.MaxQrCodeCount)
        {
            MoveTo(ClientState.Stop, LoginAction.None);
            _effects.Add(new LoginEffect.Emit("stop", []));
            return;
        }
        MoveTo(ClientState.Loading, LoginAction.FetchQrCode);
    }

    private void OnUpdateSucceeded()
    {
        if (State != ClientState.Updating)
        {
            return;
        }
        var relogging = Snapshot.Relogging;
        Snapshot = Snapshot with { Relogging = false, SyncErrors = 0, QrCodeCount = 0, Consecutive408 = 0, OfflineCause = null };
        MoveTo(ClientState.Running, LoginAction.Sync);
        _effects.Add(new LoginEffect.Emit("login", [1]));
        if (relogging)
        {
            _effects.Add(new LoginEffect.Emit("relogin", []));
        }
    }

    private void OnUpdateFailed()
    {
        if (State != ClientState.Updating)
        {
            return;
        }
        // Mojo: "登录结果异常，再次尝试": log out, then the login loop starts over with a new QR.
        _effects.Add(new LoginEffect.LogoutUpstream());
        _effects.Add(new LoginEffect.ClearSession());
        MoveTo(ClientState.Loading, LoginAction.FetchQrCode);
    }

    private void OnSyncRejected(LoginTrigger.SyncRejected rejected)
    {
        if (State != ClientState.Running)
        {
            return;
        }
        var code = rejected.Code;
        var stop = (rejected.FromSync && code == 1101) || (!rejected.FromSync && code == 1101 && options.StopWithMobile);
        if (stop)
        {
            GoOffline(OfflineCauses.LoggedInElsewhere, code);
            _effects.Add(new LoginEffect.LogoutUpstream());
            _effects.Add(new LoginEffect.ClearSession());
            MoveTo(ClientState.Stop, LoginAction.None);
            _effects.Add(new LoginEffect.Emit("stop", []));
            return;
        }
        if (OfflineCauses.OfRetCode(code) is { } cause)
        {
            GoOffline(cause, code);
            Relogin();
            return;
        }
        CountSyncError();
        // Unknown webwxsync Ret values are only counted (Mojo's unknown_retcode); repeated bad synccheck
        // retcodes force a relogin.
        if (!rejected.FromSync && Snapshot.SyncErrors > options.MaxSyncErrors)
        {
            GoOffline(OfflineCauses.SyncErrors, code);
            Relogin();
        }
    }

    /// <summary>Tells webhooks why a running account lost upstream, and keeps the cause for check_client.</summary>
    private void GoOffline(string cause, int code)
    {
        Snapshot = Snapshot with { OfflineCause = cause };
        _effects.Add(new LoginEffect.Emit("offline", [cause, code]));
    }

    private void Relogin()
    {
        _effects.Add(new LoginEffect.LogoutUpstream());
        _effects.Add(new LoginEffect.ClearSession());
        Snapshot = Snapshot with { Relogging = true, SyncErrors = 0, QrCodeCount = 0, Consecutive408 = 0 };
        MoveTo(ClientState.Loading, LoginAction.FetchQrCode);
        _effects.Add(new LoginEffect.Emit("recovering", []));
    }

    /// <summary>A transport failure: counted; the first one of an online account takes it offline (once, not per failure).</summary>
    private void OnSyncFailed()
    {
        if (State != ClientState.Running)
        {
            return;
        }
        CountSyncError();
        if (Snapshot.OfflineCause is null)
        {
            GoOffline(OfflineCauses.Transport, 0);
        }
    }

    private void CountSyncError() => Snapshot = Snapshot with { SyncErrors = Snapshot.SyncErrors + 1 };

    private void OnSyncSucceeded()
    {
        if (State != ClientState.Running)
        {
            return;
        }
        if (Snapshot.SyncErrors != 0)
        {
            Snapshot = Snapshot with { SyncErrors = 0 };
        }
        if (Snapshot.OfflineCause == OfflineCauses.Transport)
        {
            // Upstream answers again: a quiet account from here on, not a dead one.
            Snapshot = Snapshot with { OfflineCause = null };
            _effects.Add(new LoginEffect.Emit("online", []));
        }
    }

    private void MoveTo(ClientState next, LoginAction action)
    {
        var current = State;
        Snapshot = current == next
            ? Snapshot with { NextAction = action }
            : Snapshot with { State = next, PreviousState = current, NextAction = action };
        if (current != next)
        {
            _effects.Add(new LoginEffect.StateChanged(current, next));
        }
    }
}
