using System.Collections.Concurrent;

namespace OpenWxCluster.WebFront.Tests;

/// <summary>An account with settable state; sends go to the first matching fake friend or group.</summary>
public sealed partial class FakeAccountGrain(string key) : IWxAccountGrain
{
    private readonly TaskCompletionSource _sentAny = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string Key { get; } = key;
    public FakeFriendsGrain Friends { get; } = new();
    public FakeGroupsGrain Groups { get; } = new();
    public AccountStatus Status { get; set; } = new(AccountKey.ClientOf(key), AccountKey.PlatformOf(key),
        ClientState.Stop, ClientState.Init, null, null, null, 0, "", StartedNow: false);
    public StartOptions Options { get; set; } = StartOptions.None;
    public ContactInfo? User { get; set; }
    public QrCodeImage? QrCode { get; set; }
    /// <summary>Thrown by every call when set (a silo failure, a timeout...).</summary>
    public Exception? Failure { get; set; }
    public int StartCalls { get; private set; }
    public int StopCalls { get; private set; }
    public ConcurrentQueue<(string To, string Content)> Sent { get; } = new();
    public ConcurrentQueue<string?> IdempotencyKeys { get; } = new();
    public ConcurrentQueue<string> Broadcasts { get; } = new();

    /// <summary>Completes at the first send, for sends made in the background (async=1).</summary>
    public Task SentAny => _sentAny.Task;

    /// <summary>Moves the account to a state; init and stop mean "not a client" as in the real grain.</summary>
    public void SetState(ClientState state, DateTimeOffset? startTime = null) =>
        Status = Status with
        {
            PreviousState = Status.State,
            State = state,
            StartTime = startTime ?? Status.StartTime ?? DateTimeOffset.UtcNow,
            Silo = "S127.0.0.1:11111:1",
        };

    /// <summary>Like AccountGrain: <c>Started</c> is true only in the reply of the call that started the account.</summary>
    public Task<AccountStatus> StartAsync(StartOptions options)
    {
        Throw();
        StartCalls++;
        if (Status.IsStarted)
        {
            return Task.FromResult(Status);
        }
        Options = options;
        SetState(ClientState.Scaning);
        return Task.FromResult(Status with { StartedNow = true });
    }

    public Task<AccountStatus> StopAsync()
    {
        Throw();
        StopCalls++;
        SetState(ClientState.Stop);
        return Task.FromResult(Status);
    }

    public Task<AccountStatus> ReloginAsync()
    {
        Throw();
        SetState(ClientState.Scaning);
        return Task.FromResult(Status);
    }

    /// <summary>GetStatusAsync calls received (a text send must not need one).</summary>
    public int StatusCalls => _statusCalls;

    private int _statusCalls;

    public Task<AccountStatus> GetStatusAsync()
    {
        Interlocked.Increment(ref _statusCalls);
        Throw();
        return Task.FromResult(Status);
    }

    public Task<QrCodeImage?> GetQrCodeAsync() => Task.FromResult(QrCode);

    public Task<ContactInfo?> GetUserAsync() => Task.FromResult(User);

    public Task<UserWithState> GetUserWithStateAsync()
    {
        Throw();
        return Task.FromResult(new UserWithState(Status.State, User));
    }

    public async Task<FriendsWithState> GetFriendsWithStateAsync()
    {
        Throw();
        return new FriendsWithState(Status.State, Status.State == ClientState.Running ? await Friends.GetAllAsync() : null);
    }

    public async Task<GroupsWithState> GetGroupsWithStateAsync(bool withMembers)
    {
        Throw();
        if (Status.State != ClientState.Running)
        {
            return new GroupsWithState(Status.State, null, User);
        }
        return new GroupsWithState(Status.State, withMembers ? await Groups.GetAllAsync() : await Groups.GetAllBasicAsync(), User);
    }

    public Task<StartOptions> GetStartOptionsAsync() => Task.FromResult(Options);

    public async Task<SendReceipt> SendFriendTextAsync(FriendLookup lookup, string content, string? idempotencyKey = null)
    {
        if (Refusal() is { } refused)
        {
            return refused;
        }
        IdempotencyKeys.Enqueue(idempotencyKey);
        var friend = await Friends.FindAsync(lookup);
        if (friend is null)
        {
            return new SendReceipt(null, SendCodes.ObjectNotFound, "object not found");
        }
        Sent.Enqueue((friend.Id, content));
        _sentAny.TrySetResult();
        return new SendReceipt($"42:{friend.Id}", SendCodes.Success, "success");
    }

    /// <summary>The web front never sends replies (the webhook grain does).</summary>
    public Task<SendReceipt> SendReplyAsync(ReplyRequest request) => throw new NotSupportedException();

    public async Task<SendReceipt> SendGroupTextAsync(GroupLookup lookup, string content, string? idempotencyKey = null)
    {
        if (Refusal() is { } refused)
        {
            return refused;
        }
        IdempotencyKeys.Enqueue(idempotencyKey);
        var group = await Groups.FindAsync(lookup);
        if (group is null)
        {
            return new SendReceipt(null, SendCodes.ObjectNotFound, "object not found");
        }
        Sent.Enqueue((group.Id, content));
        _sentAny.TrySetResult();
        return new SendReceipt($"43:{group.Id}", SendCodes.Success, "success");
    }

    public Task<SendReceipt> BroadcastAsync(string? content, OutgoingMedia? media = null)
    {
        Broadcasts.Enqueue(content + (media is null ? "" : " +media"));
        return Task.FromResult(new SendReceipt("0", SendCodes.Success, "request already executed"));
    }

    public Task EnsureActiveAsync() => Task.CompletedTask;

    private void Throw()
    {
        if (Failure is not null)
        {
            throw Failure;
        }
    }

    // Friend administration (issue 8): calls are recorded; AdminReply (when set) answers instead of success.

    public ConcurrentQueue<string> AdminCalls { get; } = new();
    public AdminResult? AdminReply { get; set; }

    public async Task<AdminResult> SetMarknameAsync(FriendLookup lookup, string? groupId, string newMarkname)
    {
        Throw();
        string? target = groupId is null
            ? (await Friends.FindAsync(lookup))?.Id
            : (await Groups.GetByIdsAsync([groupId])).FirstOrDefault()?.Members.FirstOrDefault(m => m.Id == lookup.Id)?.Id;
        return target is null ? new AdminResult(AdminCodes.ObjectNotFound, "object not found") : Admin($"markname {groupId} {target} {newMarkname}");
    }

    public Task<AdminResult> StickAsync(string id, bool on)
    {
        Throw();
        return Task.FromResult(Admin($"stick {id} {on}"));
    }

    public Task<AdminResult> MakeFriendAsync(string memberId, string verify)
    {
        Throw();
        return Task.FromResult(Admin($"make_friend {memberId} {verify}"));
    }

    public Task<AdminResult> AcceptFriendRequestAsync(string id, string ticket)
    {
        Throw();
        return Task.FromResult(Admin($"accept {id} {ticket}"));
    }

    private AdminResult Admin(string call)
    {
        AdminCalls.Enqueue(call);
        return AdminReply ?? new AdminResult(AdminCodes.Success, "success");
    }

    // Media sending (issue 8): uploads and media sends are recorded; the upload answers a fixed id.

    public ConcurrentQueue<MediaUpload> Uploads { get; } = new();
    public ConcurrentQueue<(string To, string? Content, OutgoingMedia Media)> MediaSent { get; } = new();

    public Task<MediaUploadResult> UploadMediaAsync(MediaUpload upload)
    {
        Throw();
        Uploads.Enqueue(upload);
        var kind = upload.Kind ?? MediaKind.File;
        return Task.FromResult(new MediaUploadResult(0, "success",
            new UploadedMedia($"@crypt_fake:{(int)kind}", kind, upload.Name, upload.Data.Length, upload.Mime ?? "application/octet-stream", 1_700_000_000)));
    }

    public async Task<MediaSendReceipt> SendFriendMediaAsync(FriendLookup lookup, string? content, OutgoingMedia media, string? idempotencyKey = null)
    {
        Throw();
        var friend = await Friends.FindAsync(lookup);
        return friend is null ? new MediaSendReceipt(null, 100, "object not found", "") : RecordMedia(friend.Id, content, media);
    }

    public async Task<MediaSendReceipt> SendGroupMediaAsync(GroupLookup lookup, string? content, OutgoingMedia media, string? idempotencyKey = null)
    {
        Throw();
        var group = await Groups.FindAsync(lookup);
        return group is null ? new MediaSendReceipt(null, 100, "object not found", "") : RecordMedia(group.Id, content, media);
    }

    private MediaSendReceipt RecordMedia(string to, string? content, OutgoingMedia media)
    {
        MediaSent.Enqueue((to, content, media));
        _sentAny.TrySetResult();
        return new MediaSendReceipt($"43:{to}", 0, "success", media.MediaId ?? "@crypt_fake:6");
    }

    /// <summary>As the real grain: a send while not running is refused with the state it was refused in.</summary>
    private SendReceipt? Refusal() => Status.State == ClientState.Running
        ? null
        : new SendReceipt(null, SendCodes.NotRunning, StatusTexts.NotRunning(Status.State), Status.State);
}
