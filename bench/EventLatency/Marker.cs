namespace OpenWxCluster.Bench.EventLatency;

/// <summary>
/// The injected text: a phase id and a sequence number, so each arrival is matched to its injection by content
/// (the only thing every consumer sees unchanged).
/// </summary>
public static class Marker
{
    private const string Prefix = "latency-probe ";

    public static string Of(string phaseId, int seq) => $"{Prefix}{phaseId} {seq}";

    /// <summary>The phase id of a probe text, or null for any other text.</summary>
    public static string? PhaseOf(string? content)
    {
        if (content is null || !content.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }
        var rest = content.AsSpan(Prefix.Length);
        var space = rest.IndexOf(' ');
        return space <= 0 ? null : rest[..space].ToString();
    }
}
