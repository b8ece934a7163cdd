namespace OpenWxCluster.WebFront;

/// <summary>Checks the <c>client=</c> values that become grain keys (<c>wx/&lt;client&gt;</c>).</summary>
internal static class ClientNames
{
    public const int MaxLength = 128;

    /// <summary>
    /// Mojo used client names in file names; here they are key parts, so only empty, overlong, slashed and
    /// control-character names are refused (a slash would make <c>AccountKey.ClientOf</c> ambiguous).
    /// </summary>
    public static bool IsValid(string? client) =>
        !string.IsNullOrWhiteSpace(client)
        && client.Length <= MaxLength
        && !client.Contains('/', StringComparison.Ordinal)
        && !client.Any(char.IsControl);
}
