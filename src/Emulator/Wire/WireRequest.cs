using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace OpenWxCluster.Emulator.Wire;

/// <summary>Tolerant readers for request bodies: clients send Uin as a number or a string, so values are read loosely.</summary>
internal static class WireRequest
{
    public static async Task<JsonElement?> ReadJsonAsync(HttpRequest request, CancellationToken ct)
    {
        try
        {
            using var doc = await JsonDocument.ParseAsync(request.Body, default, ct);
            return doc.RootElement.ValueKind == JsonValueKind.Object ? doc.RootElement.Clone() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static JsonElement? Obj(this JsonElement? element, string name) =>
        element is { ValueKind: JsonValueKind.Object } e && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Object ? v : null;

    public static string? Str(this JsonElement? element, string name)
    {
        if (element is not { ValueKind: JsonValueKind.Object } e || !e.TryGetProperty(name, out var v))
        {
            return null;
        }

        return v.ValueKind switch
        {
            JsonValueKind.String => v.GetString(),
            JsonValueKind.Number => v.GetRawText(),
            _ => null,
        };
    }

    public static int? Int(this JsonElement? element, string name) =>
        int.TryParse(element.Str(name), out var value) ? value : null;

    public static IReadOnlyList<JsonElement> Array(this JsonElement? element, string name) =>
        element is { ValueKind: JsonValueKind.Object } e && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Array
            ? [.. v.EnumerateArray()]
            : [];
}
