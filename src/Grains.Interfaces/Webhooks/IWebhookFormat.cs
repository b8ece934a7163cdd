namespace OpenWxCluster.Contracts;

/// <summary>
/// How a post_api body looks and how its answer is read. The host provides it (the web front renders Mojo JSON),
/// so the grains stay free of any wire format.
/// </summary>
public interface IWebhookFormat
{
    /// <summary>The body to POST (UTF-8 JSON) for the event; media bytes are read from the media store here.</summary>
    Task<string> RenderAsync(AccountEvent accountEvent, bool includeMediaData, CancellationToken cancellation);

    /// <summary>
    /// The reply carried by a 2xx answer, or null (not JSON, no reply keys, unreadable). Only message posts are
    /// asked. <paramref name="platform"/> (<see cref="AccountKey.WeChat"/> or <see cref="AccountKey.QQ"/>) picks the
    /// plugin whose reply keys count.
    /// </summary>
    WebhookReply? ReadReply(string platform, string? contentType, string body);

    /// <summary>
    /// Openwx's post_message_filter: whether the message, as it would be posted on <paramref name="platform"/>'s API
    /// (Openwx or Openqq JSON), passes the filter (every filter key its JSON has holds exactly that value; keys it
    /// lacks do not count).
    /// </summary>
    bool Passes(string platform, ChatMessage message, string postType, IReadOnlyDictionary<string, string> filter);
}
