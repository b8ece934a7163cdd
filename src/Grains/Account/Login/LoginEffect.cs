namespace OpenWxCluster.Grains.Account.Login;

/// <summary>What the grain must do as a consequence of a transition, besides running the next action.</summary>
public abstract record LoginEffect
{
    /// <summary>Emit <c>state_change(old, new)</c>.</summary>
    public sealed record StateChanged(ClientState From, ClientState To) : LoginEffect;

    /// <summary>Emit an account event (<c>login</c>, <c>qrcode_expire</c>, <c>relogin</c>, <c>stop</c>...).</summary>
    public sealed record Emit(string Event, IReadOnlyList<object> Params) : LoginEffect;

    /// <summary>Log out upstream (best effort) before the session is dropped.</summary>
    public sealed record LogoutUpstream : LoginEffect;

    /// <summary>Forget skey, sid, uin, pass_ticket, cookies, sync keys and contacts.</summary>
    public sealed record ClearSession : LoginEffect;
}
