using System.Collections.Concurrent;
using OpenWxCluster.Emulator.Control;
using OpenWxCluster.Emulator.Sessions;
using OpenWxCluster.Emulator.Wire;

namespace OpenWxCluster.Emulator.World;

/// <summary>
/// The whole emulated service: directory (users, friendships, groups), QR logins, web sessions and message routing.
/// Thread-safe. The HTTP endpoints and the control API are thin layers over these methods; tests may call them
/// directly. Ids are always stable wxids / group ids; per-session UserNames exist only on the wire.
/// </summary>
public sealed partial class EmulatorWorld
{
    private readonly ConcurrentDictionary<string, SentLog> _sent = new(StringComparer.Ordinal);
    private long _nextMsgId = 1_000_000_000_000_000_000L + Random.Shared.NextInt64(0, 1_000_000_000_000_000L);
    private readonly CancellationTokenSource _stopping = new();
    private EmulatorSettings _settings;

    public EmulatorWorld(EmulatorOptions options)
    {
        Options = options;
        _settings = EmulatorSettings.From(options);
    }

    public EmulatorOptions Options { get; }

    public EmulatorSettings Settings => Volatile.Read(ref _settings);

    /// <summary>The account domain of every session (the login redirect's host).</summary>
    public string Domain => Options.Domain;

    internal WorldDirectory Directory { get; } = new();
    internal LoginRegistry Logins { get; } = new();
    internal SessionRegistry Sessions { get; } = new();
    internal MediaStore Media { get; } = new();
    internal FaultPlan Faults { get; } = new();

    /// <summary>Arms a fault for the next protocol requests (null clears it).</summary>
    public void SetFault(Control.FaultRequest? fault) => Faults.Arm(fault);

    /// <summary>Requests a <c>hold</c> fault holds now.</summary>
    public int HeldRequests => Faults.Hold.Held;

    /// <summary>Lets the requests a <c>hold</c> fault holds go on.</summary>
    public void ReleaseHeld() => Faults.Hold.Release();

    /// <summary>Cancelled when the host shuts down so hanging long-polls end at once instead of holding shutdown.</summary>
    internal CancellationToken Stopping => _stopping.Token;

    internal void Stop() => _stopping.Cancel();

    /// <summary>A request's abort token joined with <see cref="Stopping"/>; dispose it after the long-poll.</summary>
    internal CancellationTokenSource LongPollToken(CancellationToken requestAborted) =>
        CancellationTokenSource.CreateLinkedTokenSource(requestAborted, _stopping.Token);

    internal long NewMsgId() => Interlocked.Increment(ref _nextMsgId);

    internal static long Now() => DateTimeOffset.UtcNow.ToUnixTimeSeconds();

    /// <summary>Turns a consumed login ticket into a session and queues the login-time status notify (MsgType 51).</summary>
    internal EmuSession StartSession(string wxid)
    {
        var session = Sessions.Create(wxid, Directory.UinOf(wxid), Domain, Options.PendingEventLimit);
        var recent = Directory.RecentChatsOf(wxid);
        var notify = new EmuMessage
        {
            MsgId = NewMsgId(),
            FromId = wxid,
            ToId = wxid,
            MsgType = 51,
            CreateTime = Now(),
            StatusNotifyCode = 4,
            StatusNotifyIds = recent,
            Content = WireText.Escape("<msg>\n<op id='4'>\n<username></username>\n</op>\n</msg>"),
        };
        session.Enqueue(SessionEventKind.Message, notify, null);
        return session;
    }

    /// <summary>
    /// Routes a message from <paramref name="from"/> to a user, group or system contact. Recipients get it in their
    /// active web sessions; with <paramref name="echoToSender"/> (a send from the phone) the sender's own web session
    /// sees it too, with FromUserName = self. Group copies for other members carry the speaker prefix.
    /// </summary>
    internal IReadOnlyList<string> Route(EmuMessage message, bool echoToSender)
    {
        var from = message.FromId;
        var to = message.ToId;
        var delivered = new List<string>();
        if (WorldIds.IsGroup(to))
        {
            foreach (var member in Directory.MembersOf(to) ?? [])
            {
                if (member != from && Sessions.Active(member) is { } session)
                {
                    session.Enqueue(SessionEventKind.Message, message with { FromId = to, ToId = member, SpeakerId = from }, null);
                    delivered.Add(member);
                }
            }
        }
        else if (!WorldIds.IsSystem(to) && Sessions.Active(to) is { } recipient)
        {
            recipient.Enqueue(SessionEventKind.Message, message, null);
            delivered.Add(to);
        }

        if (echoToSender && Sessions.Active(from) is { } own)
        {
            own.Enqueue(SessionEventKind.Message, message, null);
            delivered.Add(from);
        }

        return delivered;
    }

    internal void RecordSent(string wxid, SentMessageInfo info) =>
        _sent.GetOrAdd(wxid, _ => new SentLog(Options.SentLogLimit)).Add(info);

    /// <summary>Tells the active sessions of <paramref name="viewers"/> that contactId changed (Mod) or went away (Del).</summary>
    internal void PushContact(IEnumerable<string> viewers, string contactId, SessionEventKind kind)
    {
        foreach (var viewer in viewers.Distinct(StringComparer.Ordinal))
        {
            Sessions.Active(viewer)?.Enqueue(kind, null, contactId);
        }
    }
}
