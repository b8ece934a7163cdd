namespace OpenWxCluster.QqEmulator.World;

/// <summary>One OneBot message segment, e.g. <c>{"type":"at","data":{"qq":"123"}}</c>; values kept as strings as CQ codes carry them.</summary>
public sealed record MessageSegment(string Type, IReadOnlyDictionary<string, string> Data)
{
    public static MessageSegment Text(string text) => new("text", new Dictionary<string, string> { ["text"] = text });
}
