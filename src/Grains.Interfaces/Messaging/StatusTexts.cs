namespace OpenWxCluster.Contracts;

/// <summary>
/// The status texts of refusals that both the web front (before a grain call) and the grains (for any Orleans client)
/// can give: one rule, one text, whichever layer answers.
/// </summary>
public static class StatusTexts
{
    /// <summary>A send without content (or media). Mojo renders nothing at all there, which hangs clients.</summary>
    public const string ContentMissing = "content missing";

    public static string NotRunning(ClientState state) => $"client is not running (state: {state.ToWire()})";
}
