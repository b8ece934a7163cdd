using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OpenWxCluster.WebFront;

/// <summary>
/// start_client's parameters: each one is applied, reported back under <c>ignored</c> (Mojo-Weixin options that
/// configure one Perl process — its logs, files, listener — and mean nothing to a cluster), or refused (anything
/// else, or too large). Mojo passed every parameter to its child unchecked; a typo there was silently lost.
/// </summary>
public static class StartParameters
{
    public const int MaxCount = 64;
    public const int MaxNameLength = 64;
    public const int MaxValueLength = 2_048;
    public const double MaxSendIntervalSeconds = 600;
    public const int MaxFilterKeys = 16;

    /// <summary>Parameters this product applies (the report ones also under Mojo's <c>plugin_openwx_</c> prefix).</summary>
    private static readonly HashSet<string> Applied = new(StringComparer.Ordinal)
    {
        "post_api", "post_event", "post_event_list", "post_media_data", WebhookParameters.Secret, "poll_api", "poll_interval",
        "send_interval", "post_message_filter",
    };

    private static readonly HashSet<string> NoEffect = new(StringComparer.Ordinal)
    {
        "account", "log_encoding", "log_path", "log_level", "log_console", "disable_color", "tmpdir", "media_dir",
        "cookie_path", "qrcode_path", "pid_path", "state_path", "keep_cookie", "http_debug", "ua_debug", "ua_retry_times",
        "fix_media_loop", "synccheck_interval", "emoji_to_text", "download_media", "stop_with_mobile", "qrcode_count_max",
        "listen", "post_stdout", "check_event_list_max_size",
    };

    /// <summary>The names reported as without effect, or the first error.</summary>
    /// <param name="platform">QQ accounts also take the OneBot parameters, and Openqq's plugin prefix.</param>
    public static (IReadOnlyList<string> Ignored, string? Error) Check(MojoParameters parameters, string platform = AccountKey.WeChat)
    {
        var prefix = platform == AccountKey.QQ ? "plugin_openqq_" : "plugin_openwx_";
        var given = parameters.Unreserved.ToList();
        if (given.Count > MaxCount)
        {
            return ([], $"too many parameters: at most {MaxCount}");
        }
        var ignored = new List<string>();
        foreach (var (name, value) in given)
        {
            if (name.Length > MaxNameLength || value.Length > MaxValueLength)
            {
                return ([], $"parameter {Shorten(name)} too long: names up to {MaxNameLength}, values up to {MaxValueLength} characters");
            }
            var bare = name.StartsWith(prefix, StringComparison.Ordinal) ? name[prefix.Length..] : name;
            if (NoEffect.Contains(bare))
            {
                ignored.Add(name);
            }
            else if (!Applied.Contains(bare) && !(platform == AccountKey.QQ && QqStartParameters.Names.Contains(name)))
            {
                return ([], $"unknown parameter: {Shorten(name)}");
            }
        }
        return SendIntervalError(parameters) is { } error ? ([], error) : (ignored, null);
    }

    /// <summary>
    /// Openwx's post_message_filter (a Perl hash in Mojo) as a JSON object of message field names to values, e.g.
    /// <c>{"class":"recv","type":"friend_message"}</c>: a message is posted and queued only if every named field it
    /// has holds that value.
    /// </summary>
    public static (IReadOnlyDictionary<string, string>? Filter, string? Error) MessageFilter(MojoParameters parameters)
    {
        var text = WebhookParameters.Value(parameters, "post_message_filter");
        if (string.IsNullOrWhiteSpace(text))
        {
            return (null, null);
        }
        const string Shape = "post_message_filter must be a JSON object of message fields to text or number values, e.g. {\"class\":\"recv\"}";
        JsonObject? json;
        try
        {
            json = JsonNode.Parse(text) as JsonObject;
        }
        catch (JsonException)
        {
            return (null, Shape);
        }
        if (json is null || json.Count is 0 or > MaxFilterKeys)
        {
            return (null, json is null ? Shape : $"post_message_filter takes 1 to {MaxFilterKeys} fields");
        }
        var filter = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, node) in json)
        {
            if (node is not JsonValue value
                || value.GetValueKind() is not (JsonValueKind.String or JsonValueKind.Number))
            {
                return (null, Shape);
            }
            filter[name] = value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : value.ToJsonString();
        }
        return (filter, null);
    }

    /// <summary>start_client's send_interval as a gap (null: not given or not valid; <see cref="Check"/> refuses the latter).</summary>
    public static TimeSpan? SendInterval(MojoParameters parameters) =>
        double.TryParse(parameters["send_interval"], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var seconds)
        && seconds <= MaxSendIntervalSeconds
            ? TimeSpan.FromSeconds(seconds)
            : null;

    private static string? SendIntervalError(MojoParameters parameters) =>
        string.IsNullOrEmpty(parameters["send_interval"]) || SendInterval(parameters) is not null
            ? null
            : $"send_interval must be seconds from 0 to {MaxSendIntervalSeconds}";

    private static string Shorten(string name) => name.Length <= MaxNameLength ? name : name[..MaxNameLength] + "…";
}
