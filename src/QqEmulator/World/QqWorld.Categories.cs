namespace OpenWxCluster.QqEmulator.World;

/// <summary>Friend groups: every friend is in the default one (0, 我的好友) until moved.</summary>
public sealed partial class QqWorld
{
    public const int DefaultCategoryId = 0;
    public const string DefaultCategoryName = "我的好友";

    private readonly Dictionary<(long Owner, long Friend), (int Id, string Name)> _categories = [];

    /// <summary>Moves <paramref name="friendId"/> into the owner's friend group <paramref name="categoryId"/> named <paramref name="name"/>.</summary>
    public void SetFriendCategory(long ownerId, long friendId, int categoryId, string name)
    {
        lock (_gate)
        {
            if (!_friendships.Contains(Pair(ownerId, friendId)))
            {
                throw QqWorldException.NotFound($"friend {friendId} of {ownerId}");
            }

            if (categoryId < 0 || string.IsNullOrWhiteSpace(name))
            {
                throw QqWorldException.BadParameter("a category needs a non-negative id and a name");
            }

            _categories[(ownerId, friendId)] = (categoryId, name);
        }
    }

    /// <summary>The owner's friends by friend group, groups ordered by id, friends by number.</summary>
    public IReadOnlyList<FriendCategory> FriendCategories(long ownerId)
    {
        lock (_gate)
        {
            return [.. _friendships.Where(p => p.Item1 == ownerId || p.Item2 == ownerId)
                .Select(p => _users[p.Item1 == ownerId ? p.Item2 : p.Item1])
                .OrderBy(u => u.UserId)
                .GroupBy(u => _categories.GetValueOrDefault((ownerId, u.UserId), (DefaultCategoryId, DefaultCategoryName)))
                .OrderBy(g => g.Key.Item1)
                .Select(g => new FriendCategory(g.Key.Item1, g.Key.Item2, [.. g]))];
        }
    }
}
