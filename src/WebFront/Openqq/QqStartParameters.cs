namespace OpenWxCluster.WebFront;

/// <summary>
/// Openqq start_client's OneBot v11 parameters: <c>onebot_url</c> (required, the implementation's HTTP API root),
/// <c>onebot_token</c> and <c>onebot_secret</c> (optional), <c>onebot_event</c> (<c>http_post</c>, the default, or
/// <c>reverse_ws</c>). Mojo-Webqq logged in itself; here the QQ login lives in the OneBot implementation.
/// </summary>
public static class QqStartParameters
{
    public const string Url = "onebot_url";
    public const string Token = "onebot_token";
    public const string Secret = "onebot_secret";
    public const string Event = "onebot_event";

    public static readonly IReadOnlySet<string> Names = new HashSet<string>(StringComparer.Ordinal) { Url, Token, Secret, Event };

    /// <summary>Kept only in <see cref="QqUpstream"/>: never echoed in the client record or check_client.</summary>
    public static bool IsSecret(string name) => name is Token or Secret;

    /// <summary>The upstream, or the error that refuses the start.</summary>
    public static (QqUpstream? Upstream, string? Error) Parse(MojoParameters parameters)
    {
        var url = parameters[Url];
        if (string.IsNullOrWhiteSpace(url))
        {
            return (null, $"{Url} is required: the OneBot v11 HTTP API root, e.g. http://127.0.0.1:3000");
        }
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || string.IsNullOrEmpty(uri.Host))
        {
            return (null, $"{Url} must be an http or https URL");
        }
        var transport = parameters[Event] switch
        {
            null or "" or "http_post" => QqTransport.HttpPost,
            "reverse_ws" => (QqTransport?)QqTransport.ReverseWebSocket,
            _ => null,
        };
        if (transport is null)
        {
            return (null, $"{Event} must be http_post or reverse_ws");
        }
        return (new QqUpstream(url, parameters[Token] ?? "", parameters[Secret] ?? "", transport.Value), null);
    }
}
