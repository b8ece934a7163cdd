using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OpenWxCluster.Protocol.Web;

/// <summary>Tolerant JSON reading (web WeChat mixes numbers and numeric strings) and request serialisation.</summary>
internal static class WxJson
{
    /// <summary>
    /// Relaxed escaping keeps '/' and non-ASCII text literal: Msg.Content must carry plain "/" (not "\/"),
    /// and Chinese text is sent as UTF-8 like the browser does.
    /// </summary>
    public static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly JsonSerializerOptions SerializerOptions = new() { Encoder = WriterOptions.Encoder };

    /// <summary>A JSON text for a form field (webwxuploadmedia's uploadmediarequest); request bodies use <see cref="WxJsonContent"/>.</summary>
    public static string Serialize(JsonNode node) => node.ToJsonString(SerializerOptions);

    /// <summary>
    /// Parses a JSON answer from its stream (the document rents its buffers from the pool); an empty, truncated or
    /// malformed body, or one that is not an object, is a transport failure.
    /// </summary>
    public static async Task<JsonDocument> ParseAsync(string operation, HttpContent content, CancellationToken cancellationToken)
    {
        if (content.Headers.ContentLength == 0)
        {
            throw new WxTransportException(operation, "empty body");
        }

        var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            JsonDocument document;
            try
            {
                document = await JsonDocument.ParseAsync(stream, default, cancellationToken).ConfigureAwait(false);
            }
            catch (JsonException ex)
            {
                throw new WxTransportException(operation, "malformed or truncated JSON body", ex);
            }

            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                document.Dispose();
                throw new WxTransportException(operation, "body is not a JSON object");
            }

            return document;
        }
    }

    /// <summary>Throws <see cref="WxRetException"/> when BaseResponse.Ret ≠ 0; a missing BaseResponse is malformed.</summary>
    public static void EnsureOk(string operation, JsonElement root)
    {
        if (!root.TryGetProperty("BaseResponse", out var baseResponse) || baseResponse.ValueKind != JsonValueKind.Object)
        {
            throw new WxTransportException(operation, "answer has no BaseResponse");
        }

        var ret = Int(baseResponse, "Ret");
        if (ret != 0)
        {
            throw new WxRetException(operation, ret, Str(baseResponse, "ErrMsg"));
        }
    }

    public static string Str(JsonElement element, string name)
    {
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out var value))
        {
            return "";
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString() ?? "",
            JsonValueKind.Number => value.GetRawText(),
            _ => "",
        };
    }

    public static long Long(JsonElement element, string name)
    {
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out var value))
        {
            return 0;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number))
        {
            return number;
        }

        return value.ValueKind == JsonValueKind.String
            && long.TryParse(value.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed)
            ? parsed
            : 0;
    }

    public static int Int(JsonElement element, string name) => unchecked((int)Long(element, name));

    /// <summary>The array property, or an empty sequence when it is missing or not an array.</summary>
    public static IEnumerable<JsonElement> Array(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray()
            : [];
}
