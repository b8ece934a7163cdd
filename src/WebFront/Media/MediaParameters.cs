
namespace OpenWxCluster.WebFront;

/// <summary>The pure part of reading a request's media parameters (Mojo's names), checked before any I/O.</summary>
internal static class MediaParameters
{
    /// <summary>Where the bytes come from; exactly one may be given.</summary>
    public static readonly string[] Sources = ["media_id", "media_data", "media_path", "media_url"];

    /// <summary>Longest media_name taken (file systems and the appmsg title stay sane).</summary>
    public const int MaxNameLength = 255;

    public static bool HasMedia(MojoParameters parameters, bool hasMediaFile) =>
        hasMediaFile || Sources.Any(s => parameters[s] is { Length: > 0 });

    /// <summary>The one source given (a media_data file part counts as media_data), or the problem.</summary>
    public static (string? Source, MediaProblem? Problem) SourceOf(MojoParameters parameters, bool hasMediaFile)
    {
        var given = Sources.Where(s => parameters[s] is { Length: > 0 } || (s == "media_data" && hasMediaFile)).ToList();
        return given.Count == 1
            ? (given[0], null)
            : (null, MediaProblem.Invalid($"give one of {string.Join(", ", Sources)} (got {(given.Count == 0 ? "none" : string.Join(", ", given))})"));
    }

    /// <summary>media_type: empty lets the type be detected as Mojo does; voice cannot be sent by web WeChat.</summary>
    public static (MediaKind? Kind, MediaProblem? Problem) KindOf(string? mediaType) => mediaType?.Trim().ToLowerInvariant() switch
    {
        null or "" => (null, null),
        "image" or "pic" => (MediaKind.Image, null),
        "file" or "doc" => (MediaKind.File, null),
        "video" or "microvideo" => (MediaKind.Video, null),
        "emoticon" => (MediaKind.Emoticon, null),
        "voice" => (null, MediaProblem.Invalid("media_type voice cannot be sent through web WeChat; send it as file")),
        _ => (null, MediaProblem.Invalid($"unknown media_type: {mediaType} (image, file, video or emoticon)")),
    };

    /// <summary>
    /// media_data. Mojo takes raw bytes from its Perl caller; an HTTP form value is text, so here it is base64 (a
    /// multipart file part named media_data carries raw bytes instead). The size is checked before decoding.
    /// </summary>
    public static (byte[]? Data, MediaProblem? Problem) Decode(string base64)
    {
        var text = base64.Trim();
        if ((long)text.Length / 4 * 3 > MediaLimits.MaxBytes + 3)
        {
            return (null, MediaProblem.TooLarge());
        }
        try
        {
            var data = Convert.FromBase64String(text);
            return data.Length > MediaLimits.MaxBytes ? (null, MediaProblem.TooLarge()) : (data, null);
        }
        catch (FormatException)
        {
            return (null, MediaProblem.Invalid("media_data is not valid base64"));
        }
    }

    /// <summary>Mojo's media_id is <c>&lt;server MediaId&gt;:&lt;media code&gt;</c> (the code may be left out: file).</summary>
    public static MediaProblem? IdProblem(string mediaId)
    {
        var colon = mediaId.LastIndexOf(':');
        var valid = colon < 0 ? mediaId.Length > 0 : colon > 0 && colon < mediaId.Length - 1 && mediaId[(colon + 1)..].All(char.IsAsciiDigit);
        return valid ? null : MediaProblem.Invalid("invalid media_id: expected <MediaId>:<media code> from upload_media or a send");
    }

    public static MediaProblem? NameProblem(string? name) =>
        name is { Length: > MaxNameLength } ? MediaProblem.Invalid($"media_name too long: at most {MaxNameLength} characters") : null;

    /// <summary>Mojo's media_path may be an http(s) URL too.</summary>
    public static bool IsUrl(string value) =>
        value.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || value.StartsWith("https://", StringComparison.OrdinalIgnoreCase);
}
