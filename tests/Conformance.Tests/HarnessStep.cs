using System.Text.Json;

namespace OpenWxCluster.Conformance.Tests;

/// <summary>One JSON line the harness printed: <c>{"step": name, "ok": ..., ...what wechat4u saw}</c>.</summary>
internal sealed record HarnessStep(string Name, JsonElement Data, string Raw)
{
    public string Str(string property) =>
        Data.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw new Xunit.Sdk.XunitException($"step {Name}: no string '{property}' in {Raw}");

    public JsonElement Get(string property) =>
        Data.TryGetProperty(property, out var value) ? value : throw new Xunit.Sdk.XunitException($"step {Name}: no '{property}' in {Raw}");

    public IReadOnlyList<string> Strings(string property) => [.. Get(property).EnumerateArray().Select(e => e.GetString() ?? "")];
}
