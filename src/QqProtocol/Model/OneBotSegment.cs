namespace OpenWxCluster.QqProtocol;

/// <summary>
/// One OneBot v11 message segment <c>{type, data}</c>. Data values are kept as strings, which is what the CQ-code form
/// carries and what every implementation accepts in the array form.
/// </summary>
public sealed record OneBotSegment(string Type, IReadOnlyDictionary<string, string> Data)
{
    public static OneBotSegment Text(string text) => new("text", new Dictionary<string, string> { ["text"] = text });

    public static OneBotSegment Face(int id) => new("face", new Dictionary<string, string> { ["id"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture) });

    /// <summary>An @mention; pass <c>all</c> for @everyone.</summary>
    public static OneBotSegment At(string qq) => new("at", new Dictionary<string, string> { ["qq"] = qq });

    public static OneBotSegment Image(string file) => new("image", new Dictionary<string, string> { ["file"] = file });

    public static OneBotSegment Reply(long messageId) => new("reply", new Dictionary<string, string> { ["id"] = messageId.ToString(System.Globalization.CultureInfo.InvariantCulture) });

    /// <summary>A data value, or empty when absent.</summary>
    public string Get(string key) => Data.TryGetValue(key, out var v) ? v : "";
}
