
namespace OpenWxCluster.WebFront;

/// <summary>Maps <c>client=</c> to the account grain and refuses requests for unknown or not-running accounts.</summary>
public static class AccountGate
{
    public const string ClientNotExists = "client not exists";
    public const string ClientNotFound = "client not found";

    /// <summary>
    /// The client named by the request: <c>client=</c> if given, else <paramref name="fallback"/> (single-account
    /// routes pass the default client; controller routes pass null because Mojo's controller requires it).
    /// </summary>
    public static (string? Client, IResult? Error) ResolveClient(MojoParameters parameters, string? fallback)
    {
        var client = parameters["client"] ?? fallback;
        if (client is null || (client.Length == 0 && parameters.Contains("client")))
        {
            return (null, MojoReply.Error(1, ClientNotFound));
        }
        return ClientNames.IsValid(client)
            ? (client, null)
            : (null, MojoReply.Error(1, "invalid client name"));
    }

    /// <summary>
    /// Looks the account up. A client that was never started (or was stopped) answers
    /// <c>{"code":1,"status":"client not exists"}</c>; with <paramref name="requireRunning"/>, any state but
    /// running answers code -2 at once. (Mojo sends no answer at all while blocked in scaning..updating.)
    /// </summary>
    /// <param name="platform">The platform of the API asked (<c>/openwx</c>: wx, <c>/openqq</c>: qq): the key's prefix.</param>
    public static async Task<AccountCheck> CheckAsync(
        IGrainFactory grains, string client, bool requireRunning, string platform = AccountKey.WeChat)
    {
        var key = AccountKey.For(platform, client);
        var status = await grains.GetAccount(key).GetStatusAsync();
        if (!status.IsStarted || (requireRunning && status.State != ClientState.Running))
        {
            return new AccountCheck(client, key, status, Refusal(status.State));
        }
        return new AccountCheck(client, key, status, null);
    }

    /// <summary>
    /// The answer for an account in <paramref name="state"/> that does not serve the request: never started (or
    /// stopped) is <c>{"code":1,"status":"client not exists"}</c>; any other state but running is code -2 with the
    /// state.
    /// </summary>
    public static MojoReply Refusal(ClientState state)
    {
        if (!state.IsStarted())
        {
            return MojoReply.Error(1, ClientNotExists);
        }
        var reply = MojoReply.Error(SendCodes.NotRunning, StatusTexts.NotRunning(state));
        ((System.Text.Json.Nodes.JsonObject)reply.Body!)["state"] = state.ToWire();
        return reply;
    }

    /// <summary>
    /// The user of a running account in one grain call (get_user_info): the client resolved and refused as
    /// <see cref="OpenAsync"/> with <c>requireRunning</c> does. A null user with no error: none logged in yet.
    /// </summary>
    public static Task<(ContactInfo? User, IResult? Error)> RunningUserAsync(
        IGrainFactory grains, MojoParameters parameters, string? fallback, string platform) =>
        RunningReadAsync(grains, parameters, fallback, platform, async (_, account) =>
        {
            var read = await account.GetUserWithStateAsync();
            return (read.State, read.User);
        });

    /// <summary>All friends of a running account in one grain call (get_friend_info), refused as <see cref="RunningUserAsync"/>.</summary>
    public static Task<(IReadOnlyList<ContactInfo>? Friends, IResult? Error)> RunningFriendsAsync(
        IGrainFactory grains, MojoParameters parameters, string? fallback, string platform) =>
        RunningReadAsync(grains, parameters, fallback, platform, async (_, account) =>
        {
            var read = await account.GetFriendsWithStateAsync();
            return (read.State, read.Friends);
        });

    /// <summary>
    /// All groups of a running account, with its user, in one grain call (get_group_info, get_group_basic_info),
    /// refused as <see cref="RunningUserAsync"/>.
    /// </summary>
    public static Task<(GroupsWithState? Read, IResult? Error)> RunningGroupsAsync(
        IGrainFactory grains, MojoParameters parameters, string? fallback, string platform, bool withMembers) =>
        RunningReadAsync(grains, parameters, fallback, platform, async (_, account) =>
        {
            var read = await account.GetGroupsWithStateAsync(withMembers);
            return (read.State, read);
        });

    /// <summary>
    /// A read of a running account: <paramref name="read"/> gets the account's key and grain and answers its state
    /// with the value; any state but running is refused as <see cref="OpenAsync"/> with <c>requireRunning</c> does.
    /// </summary>
    public static async Task<(T? Value, IResult? Error)> RunningReadAsync<T>(
        IGrainFactory grains, MojoParameters parameters, string? fallback, string platform,
        Func<string, IAccountGrain, Task<(ClientState State, T? Value)>> read)
        where T : class
    {
        var (client, error) = ResolveClient(parameters, fallback);
        if (client is null)
        {
            return (null, error);
        }
        var key = AccountKey.For(platform, client);
        var (state, value) = await read(key, grains.GetAccount(key));
        return state == ClientState.Running ? (value, null) : (null, Refusal(state));
    }

    /// <summary><see cref="ResolveClient"/> then <see cref="CheckAsync"/>.</summary>
    public static async Task<AccountCheck> OpenAsync(
        IGrainFactory grains, MojoParameters parameters, string? fallback, bool requireRunning, string platform = AccountKey.WeChat)
    {
        var (client, error) = ResolveClient(parameters, fallback);
        if (client is null)
        {
            return AccountCheck.Fail(parameters["client"] ?? "", error!);
        }
        return await CheckAsync(grains, client, requireRunning, platform);
    }
}
