namespace OpenWxCluster.WebFront;

/// <summary>What the console shows of one account: its status, its post_api delivery and its event inbox.</summary>
internal sealed record AccountOverview(string Key, AccountStatus Status, WebhookInfo Webhook, InboxInfo Inbox)
{
    public string Platform => AccountKey.PlatformOf(Key);

    public string Client => AccountKey.ClientOf(Key);

    /// <summary>Only a WeChat account in scaning/confirming has a QR (a QQ account logs in in its OneBot implementation).</summary>
    public bool HasQr => Platform == AccountKey.WeChat && Status.State is ClientState.Scaning or ClientState.Confirming;

    /// <summary>Why the account is offline, or its last error.</summary>
    public string? Cause => Status.OfflineCause ?? Status.LastError;

    public static async Task<AccountOverview> ReadAsync(IGrainFactory grains, string key)
    {
        var status = grains.GetAccount(key).GetStatusAsync();
        var webhook = grains.ForKey<IWebhookGrain>(key).GetInfoAsync();
        var inbox = grains.ForKey<IEventInboxGrain>(key).GetInfoAsync();
        return new AccountOverview(key, await status, await webhook, await inbox);
    }

    /// <summary>Every account the registry shards list, of both platforms, in key order.</summary>
    public static async Task<IReadOnlyList<AccountOverview>> ListAsync(IGrainFactory grains) =>
        await RegistryReader.ReadBatchedAsync(await RegistryReader.ListKeysAsync(grains), key => ReadAsync(grains, key));

    /// <summary>The post_api destination without user info, query or fragment (which may carry a token).</summary>
    public static string? Destination(string? url) =>
        url is null ? null
        : Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped)
        : "(unparsable)";
}
