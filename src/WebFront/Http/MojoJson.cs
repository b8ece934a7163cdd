using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace OpenWxCluster.WebFront;

/// <summary>
/// The one writer of every JSON reply: Mojo's content type, Chinese text left unescaped as Mojo::JSON does, and
/// opt-in JSONP (<c>App:Api:Jsonp</c>; <c>datatype=jsonp</c> wraps the body as <c>callback(...)</c>, default <c>jsoncallback&lt;epoch&gt;</c>).
/// </summary>
public static partial class MojoJson
{
    public const string JsonContentType = "application/json;charset=UTF-8";
    public const string JsonpContentType = "application/javascript;charset=UTF-8";

    /// <summary>Relaxed escaping: Mojo emits raw UTF-8, and clients compare names such as 文件传输助手 byte for byte.</summary>
    public static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly JsonSerializerOptions SerializerOptions = new() { Encoder = WriterOptions.Encoder };

    private const int KeptBufferBytes = 64 * 1024;

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    /// <summary>The reply text without JSONP (used by tests and logs).</summary>
    public static string Serialize(JsonNode? node) => node?.ToJsonString(SerializerOptions) ?? "null";

    public static Task WriteAsync(HttpContext context, JsonNode? body, int statusCode = StatusCodes.Status200OK)
    {
        MojoAnswers.CheckIfStrict(context, () => body);
        return WriteBodyAsync(context, json =>
        {
            if (body is null)
            {
                json.WriteNullValue();
            }
            else
            {
                body.WriteTo(json);
            }
        }, statusCode);
    }

    /// <summary>A reply written straight to the response by <paramref name="write"/>, without a tree in between.</summary>
    public static Task WriteAsync(HttpContext context, Action<Utf8JsonWriter> write, int statusCode = StatusCodes.Status200OK)
    {
        MojoAnswers.CheckIfStrict(context, () => ToNode(write));
        return WriteBodyAsync(context, write, statusCode);
    }

    /// <summary>What <paramref name="write"/> writes, as a tree (the strict docs check, tests).</summary>
    public static JsonNode? ToNode(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer, WriterOptions))
        {
            write(json);
        }
        return JsonNode.Parse(buffer.WrittenSpan);
    }

    /// <summary>
    /// What <paramref name="write"/> writes, as text (post_api bodies): the same as <see cref="Serialize"/> gives for
    /// its tree. The buffer and writer are kept per thread (a fresh, growing buffer per body was a third of a post's
    /// rendering in the profile); one that grew past <see cref="KeptBufferBytes"/> (a body with media_data) is let go.
    /// </summary>
    public static string Write(Action<Utf8JsonWriter> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(4096);
        var json = t_writer ??= new Utf8JsonWriter(buffer, WriterOptions);
        buffer.ResetWrittenCount();
        json.Reset(buffer);
        try
        {
            write(json);
            json.Flush();
            return Encoding.UTF8.GetString(buffer.WrittenSpan);
        }
        finally
        {
            if (buffer.Capacity > KeptBufferBytes)
            {
                t_buffer = null;
                t_writer = null;
            }
        }
    }

    private static async Task WriteBodyAsync(HttpContext context, Action<Utf8JsonWriter> write, int statusCode)
    {
        var response = context.Response;
        response.StatusCode = statusCode;
        var callback = JsonpCallback(context);
        response.ContentType = callback is null ? JsonContentType : JsonpContentType;
        if (HttpMethods.IsHead(context.Request.Method))
        {
            return;
        }

        var writer = response.BodyWriter;
        if (callback is not null)
        {
            writer.Write(Encoding.UTF8.GetBytes(callback + "("));
        }
        await using (var json = new Utf8JsonWriter(writer, WriterOptions))
        {
            write(json);
        }
        if (callback is not null)
        {
            writer.Write(")"u8);
        }
        await writer.FlushAsync(context.RequestAborted);
    }

    /// <summary>
    /// The JSONP function name, or null for plain JSON. Names that are not plain JavaScript identifiers are replaced
    /// by the default instead of being echoed (Mojo echoes anything; that would be a script injection).
    /// </summary>
    public static string? JsonpCallback(HttpContext context)
    {
        if (context.RequestServices.GetService<IOptions<OpenWxApiOptions>>()?.Value.Jsonp != true)
        {
            // Off unless App:Api:Jsonp: a JSONP answer is readable by a script on any web site.
            return null;
        }
        var parameters = MojoParameters.Peek(context);
        var datatype = parameters?["datatype"] ?? context.Request.Query["datatype"].LastOrDefault();
        if (!string.Equals(datatype, "jsonp", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        var callback = parameters?["callback"] ?? context.Request.Query["callback"].LastOrDefault();
        return callback is not null && CallbackPattern().IsMatch(callback)
            ? callback
            : "jsoncallback" + DateTimeOffset.UtcNow.ToUnixTimeSeconds();
    }

    [GeneratedRegex(@"^[A-Za-z_$][A-Za-z0-9_$.]{0,127}$")]
    private static partial Regex CallbackPattern();
}
