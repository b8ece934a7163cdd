namespace OpenWxCluster.Contracts;

/// <summary>
/// Grain key of an account: <c>platform/client</c>, e.g. <c>wx/default</c>. The platform prefix leaves room for QQ
/// accounts (<c>qq/...</c>) next to WeChat ones without key collisions.
/// </summary>
public static class AccountKey
{
    public const string WeChat = "wx";
    public const string QQ = "qq";

    public static string For(string platform, string client) => $"{platform}/{client}";

    public static string WeChatClient(string client) => For(WeChat, client);

    /// <summary>The client name part of a key (what the HTTP API calls <c>client</c>).</summary>
    public static string ClientOf(string key)
    {
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? key : key[(slash + 1)..];
    }

    public static string PlatformOf(string key)
    {
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? WeChat : key[..slash];
    }
}
