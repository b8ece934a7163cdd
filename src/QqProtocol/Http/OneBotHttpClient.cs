using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;

namespace OpenWxCluster.QqProtocol.Http;

/// <summary>
/// <see cref="IOneBotClient"/> over the implementation's HTTP API (<c>POST &lt;base&gt;/&lt;action&gt;</c>, JSON body).
/// Holds no per-account state beyond the options: one instance per OneBot endpoint.
/// </summary>
public sealed partial class OneBotHttpClient : IOneBotClient
{
    private readonly HttpClient _http;
    private readonly OneBotOptions _options;
    private readonly ILogger _logger;
    private readonly ResiliencePipeline _readPipeline;

    public OneBotHttpClient(HttpClient http, IOptions<OneBotOptions> options, ILogger<OneBotHttpClient>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(options);
        _http = http;
        _options = options.Value;
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _readPipeline = _options.ReadRetries <= 0
            ? ResiliencePipeline.Empty
            : new ResiliencePipelineBuilder().AddRetry(new RetryStrategyOptions
            {
                // Only failures where the request cannot have changed anything worth protecting: reads are idempotent.
                ShouldHandle = new PredicateBuilder().Handle<QqTransportException>(e => e.Transient),
                MaxRetryAttempts = _options.ReadRetries,
                Delay = _options.ReadRetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
            }).Build();
    }

    public async Task<QqLoginInfo> GetLoginInfoAsync(CancellationToken ct = default)
    {
        var data = await ReadAsync("get_login_info", [], ct).ConfigureAwait(false);
        return new QqLoginInfo(OneBotJson.Long(data, "user_id"), OneBotJson.String(data, "nickname"));
    }

    public async Task<QqStatus> GetStatusAsync(CancellationToken ct = default) =>
        OneBotJson.Status(await ReadAsync("get_status", [], ct).ConfigureAwait(false));

    public async Task<IReadOnlyList<QqFriend>> GetFriendListAsync(CancellationToken ct = default)
    {
        var data = await ReadAsync("get_friend_list", [], ct).ConfigureAwait(false);
        return [.. OneBotJson.Array(data).Select(f =>
            new QqFriend(OneBotJson.Long(f, "user_id"), OneBotJson.String(f, "nickname"), OneBotJson.String(f, "remark")))];
    }

    /// <summary>
    /// NapCat answers a list of categories (<c>categoryId</c>, <c>categoryName</c>, ...), each with its
    /// <c>buddyList</c> of OneBot friend objects.
    /// </summary>
    public async Task<IReadOnlyList<QqFriend>> GetFriendsWithCategoryAsync(CancellationToken ct = default)
    {
        var data = await ReadAsync("get_friends_with_category", [], ct).ConfigureAwait(false);
        return [.. OneBotJson.Array(data).SelectMany(category =>
        {
            var name = OneBotJson.String(category, "categoryName");
            var buddies = category.ValueKind == JsonValueKind.Object && category.TryGetProperty("buddyList", out var list) ? OneBotJson.Array(list) : [];
            return buddies.Select(f => new QqFriend(
                OneBotJson.Long(f, "user_id"), OneBotJson.String(f, "nickname"), OneBotJson.String(f, "remark"), name));
        })];
    }

    public async Task<IReadOnlyList<QqGroup>> GetGroupListAsync(CancellationToken ct = default)
    {
        var data = await ReadAsync("get_group_list", [], ct).ConfigureAwait(false);
        return [.. OneBotJson.Array(data).Select(OneBotJson.Group)];
    }

    public async Task<QqGroup> GetGroupInfoAsync(long groupId, bool noCache = false, CancellationToken ct = default) =>
        OneBotJson.Group(await ReadAsync("get_group_info", new() { ["group_id"] = groupId, ["no_cache"] = noCache }, ct).ConfigureAwait(false));

    public async Task<IReadOnlyList<QqGroupMember>> GetGroupMemberListAsync(long groupId, CancellationToken ct = default)
    {
        var data = await ReadAsync("get_group_member_list", new() { ["group_id"] = groupId }, ct).ConfigureAwait(false);
        return [.. OneBotJson.Array(data).Select(OneBotJson.Member)];
    }

    public async Task<QqGroupMember> GetGroupMemberInfoAsync(long groupId, long userId, bool noCache = false, CancellationToken ct = default) =>
        OneBotJson.Member(await ReadAsync(
            "get_group_member_info",
            new() { ["group_id"] = groupId, ["user_id"] = userId, ["no_cache"] = noCache },
            ct).ConfigureAwait(false));

    public async Task<long> SendPrivateMsgAsync(long userId, IReadOnlyList<OneBotSegment> message, CancellationToken ct = default) =>
        await SendTempMsgAsync(userId, null, message, ct).ConfigureAwait(false);

    public async Task<long> SendTempMsgAsync(long userId, long? groupId, IReadOnlyList<OneBotSegment> message, CancellationToken ct = default)
    {
        var parameters = new Dictionary<string, object?> { ["user_id"] = userId, ["message"] = Wire(message) };
        if (groupId is { } group)
        {
            parameters["group_id"] = group;
        }
        var data = await WriteAsync("send_private_msg", parameters, ct).ConfigureAwait(false);
        return OneBotJson.Long(data, "message_id");
    }

    public async Task<long> SendGroupMsgAsync(long groupId, IReadOnlyList<OneBotSegment> message, CancellationToken ct = default)
    {
        var data = await WriteAsync("send_group_msg", new() { ["group_id"] = groupId, ["message"] = Wire(message) }, ct).ConfigureAwait(false);
        return OneBotJson.Long(data, "message_id");
    }

    public async Task<long> SendDiscussMsgAsync(long discussId, IReadOnlyList<OneBotSegment> message, CancellationToken ct = default)
    {
        var data = await WriteAsync("send_discuss_msg", new() { ["discuss_id"] = discussId, ["message"] = Wire(message) }, ct).ConfigureAwait(false);
        return OneBotJson.Long(data, "message_id");
    }

    public Task SetGroupBanAsync(long groupId, long userId, int durationSeconds, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(durationSeconds);
        return WriteAsync("set_group_ban", new() { ["group_id"] = groupId, ["user_id"] = userId, ["duration"] = durationSeconds }, ct);
    }

    public Task SetGroupKickAsync(long groupId, long userId, bool rejectAddRequest = false, CancellationToken ct = default) =>
        WriteAsync("set_group_kick", new() { ["group_id"] = groupId, ["user_id"] = userId, ["reject_add_request"] = rejectAddRequest }, ct);

    public Task DeleteMsgAsync(long messageId, CancellationToken ct = default) =>
        WriteAsync("delete_msg", new() { ["message_id"] = messageId }, ct);

    private static List<Dictionary<string, object>> Wire(IReadOnlyList<OneBotSegment> message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.Count == 0)
        {
            throw new ArgumentException("A message needs at least one segment.", nameof(message));
        }

        return [.. message.Select(s => new Dictionary<string, object> { ["type"] = s.Type, ["data"] = s.Data })];
    }

    private async Task<JsonElement> ReadAsync(string action, Dictionary<string, object?> body, CancellationToken ct) =>
        await _readPipeline.ExecuteAsync(
            static async (state, token) => await state.Self.CallAsync(state.Action, state.Body, token).ConfigureAwait(false),
            (Self: this, Action: action, Body: body),
            ct).ConfigureAwait(false);

    // Sends and admin actions go out once: a dropped connection leaves their outcome unknown, and a blind retry
    // could post the same message twice or kick twice. The caller decides.
    private Task<JsonElement> WriteAsync(string action, Dictionary<string, object?> body, CancellationToken ct) =>
        CallAsync(action, body, ct);
}
