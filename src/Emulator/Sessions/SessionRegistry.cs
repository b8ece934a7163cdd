using System.Collections.Concurrent;

namespace OpenWxCluster.Emulator.Sessions;

/// <summary>
/// All web sessions by sid and skey, plus the one active session per wxid (a new login pushes the previous one out
/// with retcode 1101, "logged in elsewhere"). Invalidated sessions stay findable so they keep answering their retcode.
/// </summary>
internal sealed class SessionRegistry
{
    private readonly Lock _loginGate = new();
    private readonly ConcurrentDictionary<string, EmuSession> _bySid = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, EmuSession> _bySkey = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, EmuSession> _active = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, EmuSession> _latest = new(StringComparer.Ordinal);

    public EmuSession Create(string wxid, long uin, string domain, int eventLimit)
    {
        var session = new EmuSession(wxid, uin, domain, eventLimit);
        EmuSession? previous;
        lock (_loginGate)
        {
            _bySid[session.Sid] = session;
            _bySkey[session.Skey] = session;
            _active.TryGetValue(wxid, out previous);
            _active[wxid] = session;
            _latest[wxid] = session;
        }

        previous?.Invalidate(1101);
        return session;
    }

    public EmuSession? BySid(string? sid) => sid is null ? null : _bySid.GetValueOrDefault(sid);

    public EmuSession? BySkey(string? skey) => skey is null ? null : _bySkey.GetValueOrDefault(skey);

    /// <summary>The session that receives deliveries for wxid (null when not logged in on the web).</summary>
    public EmuSession? Active(string wxid)
    {
        var session = _active.GetValueOrDefault(wxid);
        return session is { InvalidRetCode: 0 } ? session : null;
    }

    /// <summary>The most recent session of wxid, valid or not (tests observe what happened to it).</summary>
    public EmuSession? Latest(string wxid) => _latest.GetValueOrDefault(wxid);

    public IReadOnlyList<EmuSession> ActiveSessions() => [.. _active.Values.Where(s => s.InvalidRetCode == 0)];

    /// <summary>Stops deliveries to the session but keeps it answering its retcode.</summary>
    public void Deactivate(EmuSession session)
    {
        lock (_loginGate)
        {
            if (_active.TryGetValue(session.Wxid, out var current) && current == session)
            {
                _active.TryRemove(session.Wxid, out _);
            }
        }
    }

    /// <summary>webwxlogout: the session disappears; its credentials answer 1101 from now on.</summary>
    public void End(EmuSession session)
    {
        session.Invalidate(1101);
        Deactivate(session);
        _bySid.TryRemove(session.Sid, out _);
        _bySkey.TryRemove(session.Skey, out _);
    }

    /// <summary>Forgets invalidated sessions older than the cutoff so a long-running emulator doesn't grow forever.</summary>
    public void Sweep(DateTimeOffset cutoff)
    {
        foreach (var session in _bySid.Values.Where(s => s.InvalidRetCode != 0 && s.InvalidatedAt < cutoff))
        {
            End(session);
        }
    }
}
