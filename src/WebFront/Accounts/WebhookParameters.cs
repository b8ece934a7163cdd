using OpenWxCluster.Grains;

namespace OpenWxCluster.WebFront;

/// <summary>
/// start_client's post_api parameters as typed settings: <c>post_api</c>, <c>post_event</c>, <c>post_event_list</c>
/// (comma or space separated), <c>post_media_data</c> (also under Mojo's <c>plugin_openwx_</c> prefix), and this
/// product's <c>post_secret</c>. Flags follow Perl truth: <c>0</c> and empty are false.
/// </summary>
public static class WebhookParameters
{
    /// <summary>Never echoed back (start_client, check_client and stop_client echo the other options).</summary>
    public const string Secret = "post_secret";

    public static (WebhookSettings? Settings, string? Error) Parse(MojoParameters parameters)
    {
        var url = Value(parameters, "post_api");
        if (string.IsNullOrWhiteSpace(url))
        {
            return (null, null);
        }
        if (!Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            return (null, "post_api must be an absolute http or https URL");
        }
        var list = Value(parameters, "post_event_list");
        return (new WebhookSettings
        {
            Url = uri.AbsoluteUri,
            Secret = Value(parameters, Secret) is { Length: > 0 } secret ? secret : null,
            PostEvent = Flag(parameters, "post_event", fallback: true),
            PostEventList = list is null ? null : list.Split([',', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            PostMediaData = Flag(parameters, "post_media_data", fallback: true),
        }, null);
    }

    private static string? Value(MojoParameters parameters, string name) => parameters[name] ?? parameters["plugin_openwx_" + name];

    private static bool Flag(MojoParameters parameters, string name, bool fallback) =>
        Value(parameters, name) is { } text ? text is not ("" or "0") : fallback;
}
