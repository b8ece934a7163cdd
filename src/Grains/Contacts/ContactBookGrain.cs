namespace OpenWxCluster.Grains.Contacts;

/// <summary>Shared body of the friends and groups grains: one persisted <see cref="ContactBook{T}"/> per account.</summary>
public abstract class ContactBookGrain<T>(IPersistentState<ContactBook<T>> book) : Grain
    where T : class
{
    /// <summary>The book as handed out until it changes (one object, so in-silo readers can cache per snapshot).</summary>
    private ContactSnapshot<T>? _all;

    protected abstract string IdOf(T item);

    /// <summary>The stored object after an update of a known one (by default the update itself).</summary>
    protected virtual T Merge(T known, T update) => update;

    /// <summary>The events' view of a diff (the friends' and the groups' rules differ).</summary>
    protected abstract ContactChanges Describe(BookDiff<T> diff);

    protected Task<IReadOnlyList<T>> All() => Task.FromResult<IReadOnlyList<T>>(_all ??= new([.. book.State.Items]));

    protected Task<T?> First(Func<T, bool> predicate) => Task.FromResult(book.State.Items.FirstOrDefault(predicate));

    protected Task<IReadOnlyList<T>> Where(Func<T, bool> predicate) =>
        Task.FromResult<IReadOnlyList<T>>([.. book.State.Items.Where(predicate)]);

    protected Task<IReadOnlyList<T>> ByIds(IReadOnlyList<string> ids) => Task.FromResult(book.State.GetByIds(ids, IdOf));

    protected async Task Replace(IReadOnlyList<T> items)
    {
        book.State.Replace(items, IdOf);
        _all = null;
        await book.WriteStateAsync();
        TellOwner();
    }

    protected async Task<ContactChanges> Apply(IReadOnlyList<T> modified, IReadOnlyList<string> deleted)
    {
        var diff = book.State.Apply(modified, deleted, IdOf, Merge);
        if (diff.IsEmpty)
        {
            return ContactChanges.None;
        }
        _all = null;
        await book.WriteStateAsync();
        TellOwner();
        return Describe(diff);
    }

    /// <summary>A WeChat account keeps contacts it resolved (<see cref="Account.ContactCache"/>); a changed book voids them.</summary>
    private void TellOwner()
    {
        var key = this.GetPrimaryKeyString();
        if (AccountKey.PlatformOf(key) == AccountKey.WeChat)
        {
            GrainFactory.ForKey<IContactCacheOwner>(key).ContactsChangedAsync().Ignore();
        }
    }
}
