namespace OpenWxCluster.WebFront;

/// <summary>Settings of one account's API (<c>App:Api:Accounts:&lt;client&gt;</c>).</summary>
public sealed class AccountApiOptions
{
    /// <summary>A token that opens this account's messaging routes only (the global tokens keep working).</summary>
    public string? ApiToken { get; set; }
}
