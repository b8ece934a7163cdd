namespace OpenWxCluster.Grains.Contacts;

/// <summary>
/// An account that keeps contacts it resolved from its friends and groups grains. Those grains tell it when their
/// book changed, whoever changed it (the account itself or another Orleans client), so it forgets what it kept.
/// </summary>
[Alias("openwx.IContactCacheOwner")]
public interface IContactCacheOwner : IGrainWithStringKey
{
    /// <summary>One-way: the book's writer does not wait for the account (which may be the caller, waiting on it).</summary>
    [OneWay, Alias("ContactsChanged")]
    Task ContactsChangedAsync();
}
