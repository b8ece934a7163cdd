namespace OpenWxCluster.Grains.Contacts;

/// <summary>
/// Mojo-Weixin's <c>update()</c> rules as a pure diff: every changed field of a known friend, group or member is a
/// property change (object after the change, field, old, new); a group update with members diffs them by id into
/// joins, leaves and member changes, one per member as Mojo posts them. A group known without members takes its
/// first member list silently, and an update without members keeps the known ones (Mojo skips empty lists).
/// </summary>
public static class ContactDiff
{
    private static readonly (string Name, Func<ContactInfo, string> Value)[] ContactFields =
    [
        ("uid", c => c.Uid), ("name", c => c.Name), ("account", c => c.Account), ("province", c => c.Province),
        ("city", c => c.City), ("signature", c => c.Signature), ("sex", c => c.Sex), ("display", c => c.Display),
        ("markname", c => c.Markname), ("category", c => c.Category),
    ];

    private static readonly (string Name, Func<GroupInfo, string> Value)[] GroupFields =
        [("uid", g => g.Uid), ("name", g => g.Name), ("owner_uid", g => g.OwnerUid)];

    public static ContactChanges Friends(BookDiff<ContactInfo> diff) =>
        new([.. diff.Added.Select(f => f.Id)], [.. diff.Updated.Select(u => u.New.Id)], [.. diff.Removed.Select(f => f.Id)])
        {
            RemovedFriends = diff.Removed,
            Properties = [.. diff.Updated.SelectMany(u => Changed(ContactFields, u.Old, u.New, (p, o, n) =>
                new PropertyChange { Contact = u.New, Property = p, OldValue = o, NewValue = n }))],
        };

    /// <summary>
    /// The stored group after an update: without members the known ones stay; an update equal to the known group
    /// (member lists compared by content, which record equality does not do) returns the known object, so the book
    /// sees no change and writes nothing.
    /// </summary>
    public static GroupInfo MergeGroup(GroupInfo known, GroupInfo update)
    {
        var merged = update.Members.Count == 0 ? update with { Members = known.Members } : update;
        return known with { Members = merged.Members } == merged && known.Members.SequenceEqual(merged.Members) ? known : merged;
    }

    public static ContactChanges Groups(BookDiff<GroupInfo> diff)
    {
        var properties = new List<PropertyChange>();
        var joined = new List<MemberChange>();
        var left = new List<MemberChange>();
        foreach (var (old, group) in diff.Updated)
        {
            properties.AddRange(Changed(GroupFields, old, group, (p, o, n) =>
                new PropertyChange { Group = group, Property = p, OldValue = o, NewValue = n }));
            if (old.Members.Count == 0)
            {
                continue;
            }
            var basic = group.Basic();
            var before = old.Members.DistinctBy(m => m.Id, StringComparer.Ordinal).ToDictionary(m => m.Id, StringComparer.Ordinal);
            var after = group.Members.Select(m => m.Id).ToHashSet(StringComparer.Ordinal);
            foreach (var member in group.Members)
            {
                if (!before.TryGetValue(member.Id, out var known))
                {
                    joined.Add(new MemberChange(member, basic));
                    continue;
                }
                properties.AddRange(Changed(ContactFields, known, member, (p, o, n) =>
                    new PropertyChange { Contact = member, Group = basic, Property = p, OldValue = o, NewValue = n }));
            }
            left.AddRange(old.Members.Where(m => !after.Contains(m.Id)).Select(m => new MemberChange(m, basic)));
        }
        return new ContactChanges([.. diff.Added.Select(g => g.Id)], [.. diff.Updated.Select(u => u.New.Id)], [.. diff.Removed.Select(g => g.Id)])
        {
            RemovedGroups = diff.Removed,
            Properties = properties,
            MembersJoined = joined,
            MembersLeft = left,
        };
    }

    private static IEnumerable<PropertyChange> Changed<T>(
        (string Name, Func<T, string> Value)[] fields, T old, T now, Func<string, string, string, PropertyChange> change) =>
        fields.Where(f => !string.Equals(f.Value(old), f.Value(now), StringComparison.Ordinal))
            .Select(f => change(f.Name, f.Value(old), f.Value(now)));
}
