using System.Collections.Concurrent;
using Orleans.Runtime;

namespace OpenWxCluster.WebFront.Tests;

/// <summary>
/// In-memory stand-ins for the grains, keyed like the real ones, so the HTTP layer can be tested without a cluster.
/// Only the string- and integer-key lookups the API uses are supported.
/// </summary>
public sealed class FakeGrainFactory : IGrainFactory
{
    private readonly ConcurrentDictionary<string, FakeAccountGrain> _accounts = new();
    private readonly ConcurrentDictionary<string, FakeQqAccountGrain> _qqAccounts = new();
    private readonly ConcurrentDictionary<string, FakeEventInboxGrain> _inboxes = new();
    private readonly ConcurrentDictionary<long, FakeRegistryGrain> _registry = new();
    private readonly ConcurrentDictionary<string, FakeWebhookGrain> _webhooks = new();

    /// <summary>Every grain lookup, as <c>Interface/key</c>, to check which keys the API addresses.</summary>
    public ConcurrentQueue<string> Lookups { get; } = new();

    public FakeAccountGrain Account(string client) =>
        _accounts.GetOrAdd(AccountKey.WeChatClient(client), k => new FakeAccountGrain(k));

    public FakeAccountGrain AccountByKey(string key) => _accounts.GetOrAdd(key, k => new FakeAccountGrain(k));

    public FakeQqAccountGrain QqAccount(string client) =>
        _qqAccounts.GetOrAdd(AccountKey.For(AccountKey.QQ, client), k => new FakeQqAccountGrain(k));

    /// <summary>A running QQ account with the given user, friends and groups, registered in its registry shard.</summary>
    public FakeQqAccountGrain RunningQq(
        string client, ContactInfo? user = null, IEnumerable<ContactInfo>? friends = null, IEnumerable<GroupInfo>? groups = null)
    {
        var account = QqAccount(client);
        account.SetState(ClientState.Running);
        account.User = user;
        account.Friends.Items = [.. friends ?? []];
        account.Groups.Items = [.. groups ?? []];
        Registry(IAccountRegistryGrain.ShardOf(account.Key)).Keys.Add(account.Key);
        return account;
    }

    public FakeEventInboxGrain QqInbox(string client) =>
        _inboxes.GetOrAdd(AccountKey.For(AccountKey.QQ, client), _ => new FakeEventInboxGrain());

    public FakeEventInboxGrain Inbox(string client) =>
        _inboxes.GetOrAdd(AccountKey.WeChatClient(client), _ => new FakeEventInboxGrain());

    public FakeWebhookGrain Webhook(string client) => _webhooks.GetOrAdd(AccountKey.WeChatClient(client), _ => new FakeWebhookGrain());

    public FakeWebhookGrain QqWebhook(string client) => _webhooks.GetOrAdd(AccountKey.For(AccountKey.QQ, client), _ => new FakeWebhookGrain());

    public FakeRegistryGrain Registry(long shard) => _registry.GetOrAdd(shard, _ => new FakeRegistryGrain());

    /// <summary>A running account with the given friends and groups, registered in its registry shard.</summary>
    public FakeAccountGrain Running(string client, IEnumerable<ContactInfo>? friends = null, IEnumerable<GroupInfo>? groups = null)
    {
        var account = Account(client);
        account.SetState(ClientState.Running);
        account.Friends.Items = [.. friends ?? []];
        account.Groups.Items = [.. groups ?? []];
        Registry(IAccountRegistryGrain.ShardOf(account.Key)).Keys.Add(account.Key);
        return account;
    }

    public TGrainInterface GetGrain<TGrainInterface>(string primaryKey, string? grainClassNamePrefix = null)
        where TGrainInterface : IGrainWithStringKey
    {
        Lookups.Enqueue($"{typeof(TGrainInterface).Name}/{primaryKey}");
        object grain = typeof(TGrainInterface) switch
        {
            var t when t == typeof(IWxAccountGrain) => AccountByKey(primaryKey),
            var t when t == typeof(IQqAccountGrain) => _qqAccounts.GetOrAdd(primaryKey, k => new FakeQqAccountGrain(k)),
            // A QQ account's friends and groups live in the same child grains, under its qq/ key.
            var t when t == typeof(IFriendsGrain) && IsQq(primaryKey) => _qqAccounts.GetOrAdd(primaryKey, k => new FakeQqAccountGrain(k)).Friends,
            var t when t == typeof(IGroupsGrain) && IsQq(primaryKey) => _qqAccounts.GetOrAdd(primaryKey, k => new FakeQqAccountGrain(k)).Groups,
            var t when t == typeof(IFriendsGrain) => AccountByKey(primaryKey).Friends,
            var t when t == typeof(IGroupsGrain) => AccountByKey(primaryKey).Groups,
            var t when t == typeof(IEventInboxGrain) => _inboxes.GetOrAdd(primaryKey, _ => new FakeEventInboxGrain()),
            var t when t == typeof(IWebhookGrain) => _webhooks.GetOrAdd(primaryKey, _ => new FakeWebhookGrain()),
            var t => throw new NotSupportedException(t.Name),
        };
        return (TGrainInterface)grain;
    }

    private static bool IsQq(string key) => AccountKey.PlatformOf(key) == AccountKey.QQ;

    public TGrainInterface GetGrain<TGrainInterface>(long primaryKey, string? grainClassNamePrefix = null)
        where TGrainInterface : IGrainWithIntegerKey
    {
        Lookups.Enqueue($"{typeof(TGrainInterface).Name}/{primaryKey}");
        return typeof(TGrainInterface) == typeof(IAccountRegistryGrain)
            ? (TGrainInterface)(object)Registry(primaryKey)
            : throw new NotSupportedException(typeof(TGrainInterface).Name);
    }

    public TGrainInterface GetGrain<TGrainInterface>(Guid primaryKey, string? grainClassNamePrefix = null)
        where TGrainInterface : IGrainWithGuidKey => throw new NotSupportedException();

    public TGrainInterface GetGrain<TGrainInterface>(Guid primaryKey, string keyExtension, string? grainClassNamePrefix = null)
        where TGrainInterface : IGrainWithGuidCompoundKey => throw new NotSupportedException();

    public TGrainInterface GetGrain<TGrainInterface>(long primaryKey, string keyExtension, string? grainClassNamePrefix = null)
        where TGrainInterface : IGrainWithIntegerCompoundKey => throw new NotSupportedException();

    public TGrainObserverInterface CreateObjectReference<TGrainObserverInterface>(IGrainObserver obj)
        where TGrainObserverInterface : IGrainObserver => throw new NotSupportedException();

    public void DeleteObjectReference<TGrainObserverInterface>(IGrainObserver obj)
        where TGrainObserverInterface : IGrainObserver => throw new NotSupportedException();

    public IGrain GetGrain(Type grainInterfaceType, Guid grainPrimaryKey) => throw new NotSupportedException();

    public IGrain GetGrain(Type grainInterfaceType, long grainPrimaryKey) => throw new NotSupportedException();

    public IGrain GetGrain(Type grainInterfaceType, string grainPrimaryKey) => throw new NotSupportedException();

    public IGrain GetGrain(Type grainInterfaceType, Guid grainPrimaryKey, string keyExtension) => throw new NotSupportedException();

    public IGrain GetGrain(Type grainInterfaceType, long grainPrimaryKey, string keyExtension) => throw new NotSupportedException();

    public TGrainInterface GetGrain<TGrainInterface>(GrainId grainId) where TGrainInterface : IAddressable =>
        throw new NotSupportedException();

    public IAddressable GetGrain(GrainId grainId) => throw new NotSupportedException();

    public IAddressable GetGrain(GrainId grainId, GrainInterfaceType interfaceType) => throw new NotSupportedException();

    public IAddressable GetGrain(Type grainInterfaceType, IdSpan grainKey, string grainClassNamePrefix) => throw new NotSupportedException();

    public IAddressable GetGrain(Type grainInterfaceType, IdSpan grainKey) => throw new NotSupportedException();
}
