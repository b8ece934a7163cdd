namespace OpenWxCluster.Contracts;

/// <summary>Finds an account's grain by its key, whatever its platform.</summary>
public static class AccountGrains
{
    /// <summary>
    /// The account grain for <paramref name="key"/> (<c>wx/...</c> or <c>qq/...</c>). Use this rather than
    /// <c>GetGrain&lt;IAccountGrain&gt;</c>, which names no platform and so no grain class.
    /// </summary>
    public static IAccountGrain GetAccount(this IGrainFactory grains, string key)
    {
        ArgumentNullException.ThrowIfNull(grains);
        return AccountKey.PlatformOf(key) == AccountKey.QQ
            ? grains.ForKey<IQqAccountGrain>(key)
            : grains.ForKey<IWxAccountGrain>(key);
    }
}
