using OpenWxCluster.Emulator.Control;
using OpenWxCluster.Emulator.Sessions;
using OpenWxCluster.Emulator.Wire;

namespace OpenWxCluster.Emulator.World;

/// <summary>Control operations (the same set the /control HTTP API exposes). Failures throw <see cref="EmulatorControlException"/>.</summary>
public sealed partial class EmulatorWorld
{
    public UserInfo CreateUser(CreateUserRequest request)
    {
        var user = Directory.CreateUser(request);
        PushContact(Directory.FriendsOf(user.Wxid), user.Wxid, SessionEventKind.ModContact);
        return user;
    }

    public UserInfo? GetUser(string wxid) => Directory.GetUser(wxid);

    public UserInfo UpdateUser(string wxid, UpdateUserRequest change)
    {
        var (user, watchers) = Directory.UpdateUser(wxid, change);
        PushContact(watchers, wxid, SessionEventKind.ModContact);
        if (change.NickName is not null)
        {
            // Groups show members by nickname: each group of the user reaches its members again, new member list.
            foreach (var groupId in Directory.GroupsOf(wxid))
            {
                PushContact(Directory.MembersOf(groupId) ?? [], groupId, SessionEventKind.ModContact);
            }
        }
        return user;
    }

    public void CreateFriendship(FriendshipRequest request)
    {
        Directory.AddFriendship(request);
        PushContact([request.A], request.B, SessionEventKind.ModContact);
        PushContact([request.B], request.A, SessionEventKind.ModContact);
    }

    public void DeleteFriendship(string a, string b)
    {
        Directory.RemoveFriendship(a, b);
        PushContact([a], b, SessionEventKind.DelContact);
        PushContact([b], a, SessionEventKind.DelContact);
    }

    public void SetRemark(string wxid, string contactId, string remarkName)
    {
        Directory.SetRemark(wxid, contactId, remarkName);
        PushContact([wxid], contactId, SessionEventKind.ModContact);
    }

    public GroupInfo CreateGroup(CreateGroupRequest request)
    {
        var group = Directory.CreateGroup(request);
        PushContact(group.Members, group.GroupId, SessionEventKind.ModContact);
        return group;
    }

    public GroupInfo? GetGroup(string groupId) => Directory.GetGroup(groupId);

    public GroupInfo UpdateGroup(string groupId, UpdateGroupRequest change)
    {
        var (group, members, removed) = Directory.UpdateGroup(groupId, change);
        PushContact(members, groupId, SessionEventKind.ModContact);
        PushContact(removed, groupId, SessionEventKind.DelContact);
        return group;
    }

    public IReadOnlyList<PendingLoginInfo> ListLogins() => [.. Logins.All().Select(l => l.Info())];

    /// <summary>The phone of <paramref name="wxid"/> scans the QR of <paramref name="uuid"/>.</summary>
    public PendingLoginInfo Scan(string uuid, string wxid)
    {
        var login = Logins.ByUuid(uuid) ?? throw EmulatorControlException.NotFound($"login {uuid}");
        if (!Directory.UserExists(wxid))
        {
            throw EmulatorControlException.NotFound($"user {wxid}");
        }

        login.Scan(wxid);
        return login.Info();
    }

    /// <summary>Scans by the image bytes a client downloaded from /qrcode/{uuid}.</summary>
    public PendingLoginInfo ScanImage(ReadOnlySpan<byte> qrImage, string wxid)
    {
        var login = Logins.BySha256(QrImages.Sha256Hex(qrImage)) ?? throw EmulatorControlException.NotFound("login for this QR image");
        return Scan(login.Uuid, wxid);
    }

    public PendingLoginInfo Confirm(string uuid)
    {
        var login = Logins.ByUuid(uuid) ?? throw EmulatorControlException.NotFound($"login {uuid}");
        login.Confirm();
        return login.Info();
    }

    /// <summary>
    /// <paramref name="from"/> sends a text from its phone. To the account itself's contacts this looks like a message
    /// sent elsewhere (FromUserName = self); to everyone else like a received message.
    /// </summary>
    public ControlMessageResult SendText(string from, string to, string content)
    {
        if (!Directory.UserExists(from))
        {
            throw EmulatorControlException.NotFound($"user {from}");
        }

        if (!Directory.CanSendTo(from, to))
        {
            throw EmulatorControlException.BadRequest($"{from} is neither a friend of nor a member of {to}");
        }

        var message = new EmuMessage { MsgId = NewMsgId(), FromId = from, ToId = to, MsgType = 1, Content = WireText.Escape(content), CreateTime = Now() };
        var queuedAt = DateTimeOffset.UtcNow;
        var delivered = Route(message, echoToSender: true);
        RecordSent(from, new SentMessageInfo(message.MsgId.ToString(), "", to, "", 1, content, message.CreateTime, "phone"));
        return new ControlMessageResult(message.MsgId.ToString(), message.CreateTime, delivered, queuedAt);
    }

    public IReadOnlyList<SentMessageInfo> GetSent(string wxid) =>
        _sent.TryGetValue(wxid, out var log) ? log.Snapshot() : [];

    public IReadOnlyList<SessionInfo> ListSessions() => [.. Sessions.ActiveSessions().Select(InfoOf)];

    public SessionInfo? GetSession(string wxid) => Sessions.Active(wxid) is { } s ? InfoOf(s) : null;

    /// <summary>The most recent web session of wxid, also after it ended (logout, invalidation, a newer login).</summary>
    public SessionInfo? GetLatestSession(string wxid) => Sessions.Latest(wxid) is { } s ? InfoOf(s) : null;

    /// <summary>Ends the account's web session with a retcode (1100, 1101, 1102): hanging synccheck answers it at once.</summary>
    public void InvalidateSession(string wxid, int retCode)
    {
        if (retCode is not (1100 or 1101 or 1102 or 1205))
        {
            throw EmulatorControlException.BadRequest("retCode must be 1100, 1101, 1102 or 1205");
        }

        var session = Sessions.Active(wxid) ?? throw EmulatorControlException.NotFound($"web session of {wxid}");
        session.Invalidate(retCode);
        Sessions.Deactivate(session);
    }

    public void RateLimit(string wxid, RateLimitRequest request)
    {
        var session = Sessions.Active(wxid) ?? throw EmulatorControlException.NotFound($"web session of {wxid}");
        session.RateLimited = request.Enabled;
        session.RateLimitSyncCheck = request.Enabled && request.SyncCheck;
        session.Poke();
    }

    /// <summary>The UserName the account's current session uses for a wxid / group id (and that the session now knows).</summary>
    public UserNameInfo ResolveUserName(string wxid, string id)
    {
        var session = Sessions.Active(wxid) ?? throw EmulatorControlException.NotFound($"web session of {wxid}");
        return new UserNameInfo(wxid, id, session.Names.NameOf(id));
    }

    /// <summary>The stable id behind a UserName of the account's current session (e.g. a group the client created).</summary>
    public UserNameInfo ResolveId(string wxid, string userName)
    {
        var session = Sessions.Active(wxid) ?? throw EmulatorControlException.NotFound($"web session of {wxid}");
        var id = session.Names.IdOf(userName) ?? throw EmulatorControlException.NotFound($"user name {userName}");
        return new UserNameInfo(wxid, id, userName);
    }

    /// <summary>The avatar image webwxgeticon / webwxgetheadimg serves for a wxid or group id.</summary>
    public byte[] GetAvatar(string id) => AvatarImages.For(id);

    public SettingsInfo GetSettings() => ToInfo(Settings);

    public SettingsInfo UpdateSettings(SettingsPatch patch)
    {
        static TimeSpan? Ms(int? ms) => ms is { } v ? TimeSpan.FromMilliseconds(Math.Max(0, v)) : null;
        var current = Settings;
        var next = current with
        {
            LoginPollHold = Ms(patch.LoginPollHoldMs) ?? current.LoginPollHold,
            SyncCheckHold = Ms(patch.SyncCheckHoldMs) ?? current.SyncCheckHold,
            QrLifetime = Ms(patch.QrLifetimeMs) ?? current.QrLifetime,
            ContactPageSize = Math.Max(1, patch.ContactPageSize ?? current.ContactPageSize),
            BatchGetContactLimit = Math.Max(1, patch.BatchGetContactLimit ?? current.BatchGetContactLimit),
            SyncBatchSize = Math.Max(1, patch.SyncBatchSize ?? current.SyncBatchSize),
        };
        Volatile.Write(ref _settings, next);
        return ToInfo(next);
    }

    private static SessionInfo InfoOf(EmuSession s) =>
        new(s.Wxid, s.SelfUserName, s.Uin, s.LoggedInAt, s.Initialized, s.InvalidRetCode, s.RateLimited, s.PendingCount,
            s.LastSeq, s.AckedSeq, s.SyncChecks, s.HangingSyncChecks, s.Syncs, s.LastSyncCheckAt, s.LoggedOut);

    private static SettingsInfo ToInfo(EmulatorSettings s) =>
        new((int)s.LoginPollHold.TotalMilliseconds, (int)s.SyncCheckHold.TotalMilliseconds, (int)s.QrLifetime.TotalMilliseconds,
            s.ContactPageSize, s.BatchGetContactLimit, s.SyncBatchSize);
}
