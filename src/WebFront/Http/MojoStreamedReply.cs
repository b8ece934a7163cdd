using System.Text.Json;
using System.Text.Json.Nodes;

namespace OpenWxCluster.WebFront;

/// <summary>
/// A JSON reply written straight to the response by <see cref="MojoJson"/>, with no object tree in between: for
/// long lists (get_friend_info's 200 friends), where building the tree and walking it again cost half the request.
/// </summary>
public sealed class MojoStreamedReply(Action<Utf8JsonWriter> write) : IResult
{
    public Task ExecuteAsync(HttpContext httpContext) => MojoJson.WriteAsync(httpContext, write);

    /// <summary>A JSON array of <paramref name="items"/>, each written by <paramref name="writeItem"/>.</summary>
    public static MojoStreamedReply Array<T>(IEnumerable<T> items, Action<Utf8JsonWriter, T> writeItem) => new(json =>
    {
        json.WriteStartArray();
        foreach (var item in items)
        {
            writeItem(json, item);
        }
        json.WriteEndArray();
    });

    /// <summary>The reply as a tree (tests).</summary>
    public JsonNode? ToNode() => MojoJson.ToNode(write);
}
