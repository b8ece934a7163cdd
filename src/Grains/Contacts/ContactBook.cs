namespace OpenWxCluster.Grains.Contacts;

/// <summary>
/// An ordered id → item map shared by the friends and groups grains: replace, merge Mod/Del lists, and report
/// what was added, changed (old and new) and removed (as known).
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

    /// <summary>
    /// Merges Mod/Del lists. <paramref name="merge"/> makes the stored object from the known one and the update (a
    /// group update without members keeps the known members); the diff keeps the old objects for the events.
    /// </summary>
    public BookDiff<T> Apply(IReadOnlyList<T> modified, IReadOnlyList<string> deleted, Func<T, string> idOf, Func<T, T, T> merge)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < Items.Count; i++)
        {
            index[idOf(Items[i])] = i;
        }
        var added = new List<T>();
        var updated = new List<(T Old, T New)>();
        foreach (var item in modified)
        {
            var id = idOf(item);
            if (index.TryGetValue(id, out var at))
            {
                var old = Items[at];
                var merged = merge(old, item);
                if (!Equals(old, merged))
                {
                    Items[at] = merged;
                    updated.Add((old, merged));
                }
            }
            else
            {
                index[id] = Items.Count;
                Items.Add(item);
                added.Add(item);
            }
        }
        var gone = deleted.Where(index.ContainsKey).ToHashSet(StringComparer.Ordinal);
        var removed = Items.Where(item => gone.Contains(idOf(item))).ToList();
        if (gone.Count > 0)
        {
            Items.RemoveAll(item => gone.Contains(idOf(item)));
        }
        return new BookDiff<T>(added, updated, removed);
    }

    public IReadOnlyList<T> GetByIds(IReadOnlyList<string> ids, Func<T, string> idOf)
    {
        var wanted = ids.ToHashSet(StringComparer.Ordinal);
        return [.. Items.Where(item => wanted.Contains(idOf(item)))];
    }
}
