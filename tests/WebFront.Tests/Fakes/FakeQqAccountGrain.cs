using System.Collections.Concurrent;

namespace OpenWxCluster.WebFront.Tests;

/// <summary>
/// A QQ account with settable state and answers; calls are recorded. Sends and admin calls find targets in its
/// fake friends and groups as the real grain does (not found: 100 friend, 101 group, 103 member).
/// </summary>
public sealed class FakeQqAccountGrain(string key) : IQqAccountGrain
{
    public string Key { get; } = key;
    public FakeFriendsGrain Friends { get; } = new();
    public FakeGroupsGrain Groups { get; } = new();

    /// <summary>The learned discuss groups (id = uid = the discuss id).</summary>
    public List<GroupInfo> Discusses { get; } = [];
    public AccountStatus Status { get; set; } = new(AccountKey.ClientOf(key), AccountKey.QQ,
        ClientState.Stop, ClientState.Init, null, null, null, 0, "", StartedNow: false);
    public StartOptions? Options { get; private set; }
    public ContactInfo? User { get; set; }

    /// <summary>When set, StartAsync does not start and answers state stop with this error (upstream unreachable).</summary>
    public string? StartError { get; set; }

    /// <summary>When set, every send whose target exists answers it instead of success.</summary>
    public SendReceipt? SendAnswer { get; set; }
    public AdminResult? AdminAnswer { get; set; }
    public QqIntakeResult IntakeAnswer { get; set; } = QqIntakeResult.Accepted;
    public QqIntakeResult SocketAnswer { get; set; } = QqIntakeResult.Accepted;

    /// <summary>Thrown by AuthorizeSocketAsync when set (the grain unreachable).</summary>
    public Exception? HandshakeFailure { get; set; }

    /// <summary>IngestAsync throws this many times before it answers (a silo failing over).</summary>
    public int IngestFailures { get; set; }
    public int ReloginCalls { get; private set; }
    public ConcurrentQueue<string> Sent { get; } = new();
    public ConcurrentQueue<string?> IdempotencyKeys { get; } = new();
    public ConcurrentQueue<string> AdminCalls { get; } = new();
    public ConcurrentQueue<QqIntake> Intakes { get; } = new();
    public ConcurrentQueue<(string? Token, string? SelfId)> Handshakes { get; } = new();
    public int IngestCalls => _ingestCalls;

    private int _ingestCalls;
    private readonly SemaphoreSlim _ingested = new(0);

    public void SetState(ClientState state, string? offlineCause = null) =>
        Status = Status with
        {
            PreviousState = Status.State,
            State = state,
            StartTime = Status.StartTime ?? DateTimeOffset.FromUnixTimeSeconds(1_700_000_000),
            Silo = "S127.0.0.1:11111:1",
            OfflineCause = offlineCause,
        };

    /// <summary>Waits for the next answered IngestAsync call (for events arriving over a socket).</summary>
    public Task<bool> WaitIngestedAsync() => _ingested.WaitAsync(TimeSpan.FromSeconds(10));

    public Task<AccountStatus> StartAsync(StartOptions options)
    {
        if (Status.IsStarted)
        {
            return Task.FromResult(Status);
        }
        Options = options;
        if (StartError is not null)
        {
            Status = Status with { State = ClientState.Stop, LastError = StartError };
            return Task.FromResult(Status);
        }
        SetState(ClientState.Loading);
        return Task.FromResult(Status with { StartedNow = true });
    }

    public Task<AccountStatus> StopAsync()
    {
        SetState(ClientState.Stop);
        return Task.FromResult(Status);
    }

    /// <summary>GetStatusAsync calls received (get_user_info must not need one).</summary>
    public int StatusCalls => _statusCalls;

    private int _statusCalls;

    public Task<AccountStatus> GetStatusAsync()
    {
        Interlocked.Increment(ref _statusCalls);
        return Task.FromResult(Status);
    }

    public Task<QrCodeImage?> GetQrCodeAsync() => Task.FromResult<QrCodeImage?>(null);

    public Task<ContactInfo?> GetUserAsync() => Task.FromResult(User);

    public Task<UserWithState> GetUserWithStateAsync() => Task.FromResult(new UserWithState(Status.State, User));

    public async Task<FriendsWithState> GetFriendsWithStateAsync() =>
        new(Status.State, Status.State == ClientState.Running ? await Friends.GetAllAsync() : null);

    public async Task<GroupsWithState> GetGroupsWithStateAsync(bool withMembers)
    {
        if (Status.State != ClientState.Running)
        {
            return new GroupsWithState(Status.State, null, User);
        }
        return new GroupsWithState(Status.State, withMembers ? await Groups.GetAllAsync() : await Groups.GetAllBasicAsync(), User);
    }

    public Task<StartOptions> GetStartOptionsAsync() => Task.FromResult(Options ?? StartOptions.None);

    public async Task<SendReceipt> SendFriendTextAsync(FriendLookup lookup, string content, string? idempotencyKey = null)
    {
        if (Refusal() is { } refused)
        {
            return refused;
        }
        IdempotencyKeys.Enqueue(idempotencyKey);
        var friend = await Friends.FindAsync(lookup);
        return friend is null ? new SendReceipt(null, 100, "friend not found") : Send($"friend {friend.Uid} {content}");
    }

    public async Task<SendReceipt> SendGroupTextAsync(GroupLookup lookup, string content, string? idempotencyKey = null)
    {
        if (Refusal() is { } refused)
        {
            return refused;
        }
        IdempotencyKeys.Enqueue(idempotencyKey);
        var group = await Groups.FindAsync(lookup);
        return group is null ? new SendReceipt(null, 101, "group not found") : Send($"group {group.Uid} {content}");
    }

    public async Task<SendReceipt> SendSessTextAsync(GroupLookup group, string memberId, string content, string? idempotencyKey = null)
    {
        if (Refusal() is { } refused)
        {
            return refused;
        }
        var found = await Groups.FindAsync(group);
        if (found is null)
        {
            return new SendReceipt(null, 101, "group not found");
        }
        return found.Members.Any(m => m.Uid == memberId)
            ? Send($"sess {found.Uid} {memberId} {content}")
            : new SendReceipt(null, 103, "group member not found");
    }

    public Task<IReadOnlyList<GroupInfo>> GetDiscussesAsync() => Task.FromResult<IReadOnlyList<GroupInfo>>([.. Discusses]);

    public Task<SendReceipt> SendDiscussTextAsync(GroupLookup discuss, string content, string? idempotencyKey = null)
    {
        if (Refusal() is { } refused)
        {
            return Task.FromResult(refused);
        }
        IdempotencyKeys.Enqueue(idempotencyKey);
        var found = Discusses.FirstOrDefault(discuss.Matches);
        return Task.FromResult(found is null ? new SendReceipt(null, 102, "discuss not found") : Send($"discuss {found.Id} {content}"));
    }

    public Task<SendReceipt> SendDiscussSessTextAsync(GroupLookup discuss, string memberId, string content, string? idempotencyKey = null)
    {
        if (Refusal() is { } refused)
        {
            return Task.FromResult(refused);
        }
        var found = Discusses.FirstOrDefault(discuss.Matches);
        return Task.FromResult(found?.Members.Any(m => m.Uid == memberId) == true
            ? Send($"discuss sess {found.Id} {memberId} {content}")
            : new SendReceipt(null, 104, "discuss member not found"));
    }

    public Task<SendReceipt> SendReplyAsync(ReplyRequest request) => throw new NotSupportedException();

    public Task<SendReceipt> BroadcastAsync(string? content, OutgoingMedia? media = null) => throw new NotSupportedException();

    public Task EnsureActiveAsync() => Task.CompletedTask;

    public Task<QqIntakeResult> IngestAsync(QqIntake intake)
    {
        Interlocked.Increment(ref _ingestCalls);
        if (IngestFailures > 0)
        {
            IngestFailures--;
            throw new TimeoutException("silo gone");
        }
        Intakes.Enqueue(intake);
        _ingested.Release();
        return Task.FromResult(IntakeAnswer);
    }

    public Task<QqIntakeResult> AuthorizeSocketAsync(string? accessToken, string? selfId)
    {
        Handshakes.Enqueue((accessToken, selfId));
        if (HandshakeFailure is not null)
        {
            throw HandshakeFailure;
        }
        return Task.FromResult(SocketAnswer);
    }

    public Task<AccountStatus> ReloginAsync()
    {
        ReloginCalls++;
        SetState(ClientState.Loading);
        return Task.FromResult(Status);
    }

    public Task<AdminResult> ShutupAsync(GroupLookup group, IReadOnlyList<string> memberIds, TimeSpan duration) =>
        Task.FromResult(Admin($"shutup {group.Id}/{group.Uid} {string.Join(',', memberIds)} {duration.TotalSeconds}"));

    public Task<AdminResult> KickAsync(GroupLookup group, IReadOnlyList<string> memberIds) =>
        Task.FromResult(Admin($"kick {group.Id}/{group.Uid} {string.Join(',', memberIds)}"));

    private AdminResult Admin(string call)
    {
        AdminCalls.Enqueue(call);
        return AdminAnswer ?? new AdminResult(AdminCodes.Success, "success");
    }

    private SendReceipt Send(string what)
    {
        Sent.Enqueue(what);
        return SendAnswer ?? new SendReceipt("2147483001", SendCodes.Success, "success");
    }

    /// <summary>As the real grain: a send while not running is refused with the state it was refused in.</summary>
    private SendReceipt? Refusal() => Status.State == ClientState.Running
        ? null
        : new SendReceipt(null, SendCodes.NotRunning, StatusTexts.NotRunning(Status.State), Status.State);
}
