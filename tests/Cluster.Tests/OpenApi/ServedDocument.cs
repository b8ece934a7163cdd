using System.Text.Json.Nodes;
using Json.Schema;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using OpenWxCluster.WebFront;

namespace OpenWxCluster.Cluster.Tests.OpenApi;

/// <summary>
/// The OpenAPI document as the web front serves it, read twice: by Microsoft.OpenApi's reader (is it valid OpenAPI,
/// what does it declare) and as JSON, whose response schemas (OpenAPI 3.1: JSON Schema 2020-12) judge real replies.
/// </summary>
internal sealed class ServedDocument
{
    private readonly JsonObject _json;

    private ServedDocument(string text, ReadResult read)
    {
        _json = JsonNode.Parse(text)!.AsObject();
        Read = read;
    }

    public ReadResult Read { get; }

    public OpenApiDocument Document => Read.Document!;

    public static async Task<ServedDocument> FetchAsync(HttpClient http)
    {
        using var response = await http.GetAsync(ApiDocs.DocumentPath.TrimStart('/'));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{ApiDocs.DocumentPath}: HTTP {(int)response.StatusCode}: {text}");
        return new ServedDocument(text, OpenApiDocument.Parse(text, OpenApiConstants.Json));
    }

    /// <summary>The reply (JSON text) fits the schema the document declares for the route's 200 answer.</summary>
    public void AssertFits(string path, string method, string replyText)
    {
        var schema = Schema(path, method);
        var results = schema.Evaluate(JsonNode.Parse(replyText), new EvaluationOptions { OutputFormat = OutputFormat.List });
        var errors = results.Details.Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation} {e.Key}: {e.Value}"));
        Assert.True(results.IsValid, $"{method} {path}: the reply does not fit the served schema:\n{string.Join("\n", errors)}\n{replyText}");
    }

    /// <summary>
    /// The response schema as a stand-alone JSON Schema: the document's component schemas become <c>$defs</c>, and
    /// the references are pointed there.
    /// </summary>
    private JsonSchema Schema(string path, string method)
    {
        var response = _json["paths"]?[path]?[method]?["responses"]?["200"]?["content"]?["application/json"]?["schema"]
            ?? throw new InvalidOperationException($"{method} {path}: no application/json 200 schema in the document");
        var root = response.DeepClone().AsObject();
        root["$schema"] = "https://json-schema.org/draft/2020-12/schema";
        root["$defs"] = _json["components"]?["schemas"]?.DeepClone();
        var text = root.ToJsonString().Replace("#/components/schemas/", "#/$defs/", StringComparison.Ordinal);
        return JsonSchema.FromText(text);
    }
}
