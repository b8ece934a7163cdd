using System.Text.Json;
using System.Text.Json.Nodes;

namespace OpenWxCluster.WebFront;

/// <summary>
/// Checks a reply against its route's declared <see cref="MojoShape"/> (strict mode): kinds, required properties,
/// array items. Mojo's error object <c>{code≠0, status}</c> is always accepted.
/// </summary>
public static class MojoShapeCheck
{
    /// <summary>Null when the reply fits, else where and why it does not.</summary>
    public static string? Mismatch(JsonNode? reply, MojoShape shape) => IsError(reply) ? null : Mismatch(reply, shape, "$");

    public static bool IsError(JsonNode? reply) =>
        reply is JsonObject o
        && o["code"] is JsonValue code && code.GetValueKind() == JsonValueKind.Number && Number(code) != 0
        && o["status"] is JsonValue status && status.GetValueKind() == JsonValueKind.String;

    private static string? Mismatch(JsonNode? node, MojoShape shape, string path)
    {
        if (node is null)
        {
            return shape.Nullable || shape.Kind == MojoKind.Any ? null : $"{path}: null where {Describe(shape)} is declared";
        }
        var kind = node.GetValueKind();
        switch (shape.Kind)
        {
            case MojoKind.Any:
                return null;
            case MojoKind.OneOf:
                return shape.Choices.Any(c => Mismatch(node, c, path) is null)
                    ? null
                    : $"{path}: fits none of {string.Join(", ", shape.Choices.Select(Describe))}";
            case MojoKind.Object when node is JsonObject obj:
                foreach (var field in shape.Fields)
                {
                    if (!obj.TryGetPropertyValue(field.Name, out var value))
                    {
                        if (field.Required)
                        {
                            return $"{path}.{field.Name}: required but missing";
                        }
                        continue;
                    }
                    if (Mismatch(value, field.Shape, path + "." + field.Name) is { } inner)
                    {
                        return inner;
                    }
                }
                return null;
            case MojoKind.Array when node is JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (shape.Items is not null && Mismatch(array[i], shape.Items, $"{path}[{i}]") is { } inner)
                    {
                        return inner;
                    }
                }
                return null;
            case MojoKind.String when kind == JsonValueKind.String:
            case MojoKind.Number when kind == JsonValueKind.Number:
            case MojoKind.Boolean when kind is JsonValueKind.True or JsonValueKind.False:
                return null;
            case MojoKind.Integer when kind == JsonValueKind.Number:
                return double.IsInteger(Number(node)) ? null : $"{path}: {node.ToJsonString()} is no integer";
            default:
                return $"{path}: {kind} where {Describe(shape)} is declared";
        }
    }

    /// <summary>A JSON number whatever CLR type the node was built from (GetValue&lt;double&gt; refuses an int).</summary>
    private static double Number(JsonNode node) =>
        double.Parse(node.ToJsonString(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture);

    private static string Describe(MojoShape shape) => shape.Name ?? shape.Kind.ToString().ToLowerInvariant();
}
