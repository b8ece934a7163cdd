namespace OpenWxCluster.Grains.Qq;

/// <summary>
/// The discuss groups a QQ account learned, kept as groups in its state. OneBot has no action that lists discuss
/// groups or their members and its <c>message.discuss</c> event carries no name, so a discuss is known from its
/// messages only: its id, the id again as its name, and the members heard speaking. Bounded both ways: the least
/// recently active discuss, and in a discuss the least recently heard member, are dropped first.
/// </summary>
public static class QqDiscussBook
{
    /// <summary>Records that <paramref name="sender"/> spoke in discuss <paramref name="discussId"/>; returns the discuss as now kept.</summary>
    public static GroupInfo Heard(List<GroupInfo> discusses, string discussId, ContactInfo? sender, int maxDiscusses, int maxMembers)
    {
        ArgumentNullException.ThrowIfNull(discusses);
        var index = discusses.FindIndex(d => d.Id == discussId);
        // No name in the event: the id stands in, as Mojo's displayname of a discuss is its name.
        var discuss = index >= 0 ? discusses[index] : new GroupInfo { Id = discussId, Uid = discussId, Name = discussId };
        if (index >= 0)
        {
            discusses.RemoveAt(index);
        }
        if (sender is not null)
        {
            var members = discuss.Members.Where(m => m.Id != sender.Id).Append(sender).ToList();
            discuss = discuss with { Members = members.Skip(Math.Max(0, members.Count - Math.Max(1, maxMembers))).ToArray() };
        }
        discusses.Add(discuss);
        var overflow = discusses.Count - Math.Max(1, maxDiscusses);
        if (overflow > 0)
        {
            discusses.RemoveRange(0, overflow);
        }
        return discuss;
    }

    /// <summary>The first learned discuss the lookup matches (id, uid or name, ANDed), or null.</summary>
    public static GroupInfo? Find(IEnumerable<GroupInfo> discusses, GroupLookup lookup) =>
        discusses.FirstOrDefault(lookup.Matches);
}
