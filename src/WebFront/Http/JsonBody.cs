using System.Text.Json;
using System.Text.Unicode;

namespace OpenWxCluster.WebFront;

/// <summary>
/// A JSON request body (an extra over Mojo, which reads query and form only): read up to the route's limit, checked
/// to be UTF-8, then its flat object taken as parameters. Text parameters must be JSON strings, so a client's
/// <c>"content": 5</c> or an array is refused instead of being sent as its raw JSON text.
/// </summary>
internal static class JsonBody
{
    public const string TooLarge = "request body too large";

    /// <summary>Parameters that are text: a number or boolean there is a client's mistake, not a value.</summary>
    private static readonly HashSet<string> TextOnly = new(StringComparer.Ordinal)
    {
        "content", "media_data", "media_path", "media_url", "media_name",
    };

    /// <summary>Parameters whose value is itself a JSON object (kept as its text).</summary>
    private static readonly HashSet<string> ObjectValued = new(StringComparer.Ordinal) { "post_message_filter" };

    public readonly record struct Read(byte[]? Bytes, string? Error, int Status);

    public static async Task<Read> ReadAsync(Stream body, long maxBytes, CancellationToken cancellation)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellation)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return new(null, TooLarge, StatusCodes.Status413PayloadTooLarge);
            }
            buffer.Write(chunk, 0, read);
        }
        var bytes = buffer.ToArray();
        return Utf8.IsValid(bytes)
            ? new(bytes, null, StatusCodes.Status200OK)
            : new(null, "request body is not valid UTF-8", StatusCodes.Status400BadRequest);
    }

    /// <summary>Adds the body's fields to <paramref name="parameters"/>; the first problem, or null.</summary>
    public static string? AddTo(MojoParameters parameters, byte[] bytes)
    {
        using var document = JsonDocument.Parse(bytes);
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            return "a JSON body must be an object";
        }
        try
        {
            foreach (var property in document.RootElement.EnumerateObject())
            {
                var (value, error) = ValueOf(property.Name, property.Value);
                if (error is not null)
                {
                    return error;
                }
                if (value is not null)
                {
                    parameters.Set(property.Name, value);
                }
            }
        }
        catch (InvalidOperationException)
        {
            // An escaped lone surrogate (\ud800) cannot become .NET text.
            return "a JSON string of the body is not valid Unicode";
        }
        return null;
    }

    private static (string? Value, string? Error) ValueOf(string name, JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => (value.GetString(), null),
        JsonValueKind.Null => (null, null),
        JsonValueKind.Object when ObjectValued.Contains(name) => (value.GetRawText(), null),
        JsonValueKind.Object or JsonValueKind.Array => (null, $"parameter {Shorten(name)} must be a JSON string, number or boolean"),
        _ when TextOnly.Contains(name) => (null, $"parameter {name} must be a JSON string"),
        JsonValueKind.True => ("1", null),
        JsonValueKind.False => ("0", null),
        _ => (value.GetRawText(), null),
    };

    private static string Shorten(string name) => name.Length <= 64 ? name : name[..64] + "…";
}
