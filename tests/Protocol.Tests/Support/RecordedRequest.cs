using System.Text.Json;
using System.Web;

namespace OpenWxCluster.Protocol.Tests.Support;

/// <summary>A request as it left the HttpClient pipeline.</summary>
public sealed record RecordedRequest(HttpMethod Method, Uri Uri, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    public string? Query(string name) => HttpUtility.ParseQueryString(Uri.Query)[name];

    public JsonElement Json => JsonDocument.Parse(Body).RootElement;

    public System.Collections.Specialized.NameValueCollection Form => HttpUtility.ParseQueryString(Body);
}
