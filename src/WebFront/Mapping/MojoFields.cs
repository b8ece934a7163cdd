using System.Text.Json;
using System.Text.Json.Nodes;

namespace OpenWxCluster.WebFront;

/// <summary>
/// The fields of one Mojo object in the order its JSON has them, with a JsonObject's rules: <see cref="Set(string, string?)"/>
/// replaces the value of a key already there where it stands, <see cref="TryAdd"/> keeps the first. Event entries
/// are built here once and then written straight to a reply or a post body (<see cref="WriteTo"/>); a JsonObject
/// (<see cref="ToJsonObject"/>) is made only where a tree is wanted (event parameters, the webhook filter, tests).
/// A message entry has about 25 fields, so a linear search is cheaper than any index.
/// </summary>
public sealed class MojoFields
{
    private readonly List<Field> _fields = new(32);

    public void Set(string key, string? value) => Put(new Field(key, value, null, null), replace: true);

    public void Set(string key, long value) => Put(new Field(key, null, value, null), replace: true);

    /// <summary>A nested value (an event's params); written as it is.</summary>
    public void Set(string key, JsonNode? value) => Put(new Field(key, null, null, value), replace: true);

    /// <summary>Adds the field unless the key is there already; false when it was.</summary>
    public bool TryAdd(string key, string? value) => Put(new Field(key, value, null, null), replace: false);

    /// <summary>Whether the key is there; <paramref name="text"/> is its value when that is text (else null).</summary>
    public bool TryGetText(string key, out string? text)
    {
        var i = IndexOf(key);
        text = i >= 0 ? _fields[i].Text : null;
        return i >= 0;
    }

    public void WriteTo(Utf8JsonWriter json)
    {
        ArgumentNullException.ThrowIfNull(json);
        json.WriteStartObject();
        foreach (var field in _fields)
        {
            if (field.Node is { } node)
            {
                json.WritePropertyName(field.Key);
                node.WriteTo(json);
            }
            else if (field.Number is { } number)
            {
                json.WriteNumber(field.Key, number);
            }
            else if (field.Text is { } text)
            {
                json.WriteString(field.Key, text);
            }
            else
            {
                json.WriteNull(field.Key);
            }
        }
        json.WriteEndObject();
    }

    public JsonObject ToJsonObject()
    {
        var json = new JsonObject();
        foreach (var field in _fields)
        {
            json[field.Key] = field.Node?.DeepClone() ?? (field.Number is { } number ? JsonValue.Create(number) : JsonValue.Create(field.Text));
        }
        return json;
    }

    private bool Put(Field field, bool replace)
    {
        var i = IndexOf(field.Key);
        if (i < 0)
        {
            _fields.Add(field);
            return true;
        }
        if (replace)
        {
            _fields[i] = field;
        }
        return false;
    }

    private int IndexOf(string key)
    {
        for (var i = 0; i < _fields.Count; i++)
        {
            if (string.Equals(_fields[i].Key, key, StringComparison.Ordinal))
            {
                return i;
            }
        }
        return -1;
    }

    private readonly record struct Field(string Key, string? Text, long? Number, JsonNode? Node);
}
