using System.Globalization;

namespace OpenWxCluster.WebFront;

/// <summary>
/// start_client's report parameters as typed settings: <c>post_api</c>, <c>post_event</c>, <c>post_event_list</c>
/// (comma or space separated), <c>post_media_data</c>, <c>poll_api</c>, <c>poll_interval</c> (seconds, default 5),
/// each also under Mojo's <c>plugin_openwx_</c> (Openqq: <c>plugin_openqq_</c>) prefix, and this product's
/// <c>post_secret</c>. Flags follow Perl
/// truth: <c>0</c> and empty are false.
/// </summary>
public static class WebhookParameters
{
    /// <summary>Never echoed back (start_client, check_client and stop_client echo the other options).</summary>
    public const string Secret = "post_secret";

    private static readonly TimeSpan DefaultPollInterval = TimeSpan.FromSeconds(5);

    public static (WebhookSettings? Webhook, PollSettings? Poll, string? Error) Parse(MojoParameters parameters)
    {
        var (post, postError) = Url(parameters, "post_api");
        var (poll, pollError) = Url(parameters, "poll_api");
        if ((postError ?? pollError) is { } error)
        {
            return (null, null, error);
        }
        var interval = DefaultPollInterval;
        if (Value(parameters, "poll_interval") is { Length: > 0 } text)
        {
            if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || seconds < 1)
            {
                return (null, null, "poll_interval must be a whole number of seconds, at least 1");
            }
            interval = TimeSpan.FromSeconds(seconds);
        }
        var list = Value(parameters, "post_event_list");
        var webhook = post is null ? null : new WebhookSettings
        {
            Url = post,
            Secret = Value(parameters, Secret) is { Length: > 0 } secret ? secret : null,
            PostEvent = Flag(parameters, "post_event", fallback: true),
            PostEventList = list?.Split([',', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            PostMediaData = Flag(parameters, "post_media_data", fallback: true),
        };
        return (webhook, poll is null ? null : new PollSettings(poll, interval), null);
    }

    private static (string? Url, string? Error) Url(MojoParameters parameters, string name)
    {
        var text = Value(parameters, name);
        if (string.IsNullOrWhiteSpace(text))
        {
            return (null, null);
        }
        return Uri.TryCreate(text.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? (uri.AbsoluteUri, null)
            : (null, $"{name} must be an absolute http or https URL");
    }

    /// <summary>
    /// The value under its name or a plugin prefix. Both prefixes are read: <see cref="StartParameters.Check"/> already
    /// refused the other platform's prefix.
    /// </summary>
    internal static string? Value(MojoParameters parameters, string name) =>
        parameters[name] ?? parameters["plugin_openwx_" + name] ?? parameters["plugin_openqq_" + name];

    private static bool Flag(MojoParameters parameters, string name, bool fallback) =>
        Value(parameters, name) is { } text ? text is not ("" or "0") : fallback;
}
