namespace OpenWxCluster.Grains.Account;

/// <summary>The friends and groups one sync batch mentions, fetched in one call each.</summary>
public sealed class ContactLookup(IReadOnlyList<ContactInfo> friends, IReadOnlyList<GroupInfo> groups)
{
    private readonly Dictionary<string, ContactInfo> _friends = friends.ToDictionary(f => f.Id, StringComparer.Ordinal);
    private readonly Dictionary<string, GroupInfo> _groups = groups.ToDictionary(g => g.Id, StringComparer.Ordinal);

    public static ContactLookup Empty { get; } = new([], []);

    public ContactInfo? Friend(string id) => _friends.GetValueOrDefault(id);

    public GroupInfo? Group(string id) => _groups.GetValueOrDefault(id);
}
