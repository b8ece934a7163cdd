namespace OpenWxCluster.Grains.Contacts;

/// <summary>
/// An ordered id → item map shared by the friends and groups grains: replace, merge Mod/Del lists, and report
/// what was added, changed and removed.
/// </summary>
[GenerateSerializer, Alias("openwx.ContactBook")]
public sealed class ContactBook<T>
    where T : class
{
    [Id(0)] public List<T> Items { get; set; } = [];

    public ContactChanges Replace(IReadOnlyList<T> items, Func<T, string> idOf)
    {
        var before = Items.Select(idOf).ToHashSet(StringComparer.Ordinal);
        Items = items.DistinctBy(idOf, StringComparer.Ordinal).ToList();
        var after = Items.Select(idOf).ToHashSet(StringComparer.Ordinal);
        return new ContactChanges(
            [.. after.Where(id => !before.Contains(id))],
            [],
            [.. before.Where(id => !after.Contains(id))]);
    }

    public ContactChanges Apply(IReadOnlyList<T> modified, IReadOnlyList<string> deleted, Func<T, string> idOf)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < Items.Count; i++)
        {
            index[idOf(Items[i])] = i;
        }
        var added = new List<string>();
        var updated = new List<string>();
        foreach (var item in modified)
        {
            var id = idOf(item);
            if (index.TryGetValue(id, out var at))
            {
                if (!Equals(Items[at], item))
                {
                    Items[at] = item;
                    updated.Add(id);
                }
            }
            else
            {
                index[id] = Items.Count;
                Items.Add(item);
                added.Add(id);
            }
        }
        var gone = deleted.Where(index.ContainsKey).ToHashSet(StringComparer.Ordinal);
        if (gone.Count > 0)
        {
            Items.RemoveAll(item => gone.Contains(idOf(item)));
        }
        return new ContactChanges(added, updated, [.. gone]);
    }

    public IReadOnlyList<T> GetByIds(IReadOnlyList<string> ids, Func<T, string> idOf)
    {
        var wanted = ids.ToHashSet(StringComparer.Ordinal);
        return [.. Items.Where(item => wanted.Contains(idOf(item)))];
    }
}
