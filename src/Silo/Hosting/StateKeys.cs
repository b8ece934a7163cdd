using OpenWxCluster.Persistence.Encryption;

namespace OpenWxCluster.Silo.Hosting;

/// <summary>
/// The key ring that seals grain state in PostgreSQL, from <c>App:StateKey</c> (writes, when set) then the lines of
/// <c>App:StateKeyFile</c>. PostgreSQL storage without a key stops the start, unless <c>App:StateEncryption=off</c>.
/// Errors name the setting and line, never the key.
/// </summary>
public static class StateKeys
{
    private const string Key = AppOptions.Section + ":" + nameof(AppOptions.StateKey);
    private const string File = AppOptions.Section + ":" + nameof(AppOptions.StateKeyFile);
    private const string Switch = AppOptions.Section + ":" + nameof(AppOptions.StateEncryption);

    /// <returns>The ring, or null when state is stored in clear (explicitly off).</returns>
    public static StateKeyRing? Load(AppOptions app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (string.Equals(app.StateEncryption, "off", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        if (!string.Equals(app.StateEncryption, "on", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"{Switch} must be on or off");
        }
        var keys = new List<(string Source, string Base64)>();
        if (!string.IsNullOrWhiteSpace(app.StateKey))
        {
            keys.Add((Key, app.StateKey));
        }
        if (!string.IsNullOrWhiteSpace(app.StateKeyFile))
        {
            keys.AddRange(ReadFile(app.StateKeyFile));
        }
        if (keys.Count == 0)
        {
            throw new InvalidOperationException(
                $"PostgreSQL grain storage holds session secrets (cookies, skey, pass_ticket, tokens): set {File} (a file with " +
                $"a base64 32-byte key per line, e.g. from `openssl rand -base64 32 > state.key`, the same file on every silo) " +
                $"or {Key}, or {Switch}=off to store them in clear (unsafe).");
        }
        return StateKeyRing.FromBase64(keys);
    }

    /// <summary>For the start-up banner: how state is sealed, naming the writing key by its id only.</summary>
    public static string Describe(AppOptions app) =>
        Load(app) is { } ring ? $"AES-256-GCM, state key id {ring.WriterKeyId} ({ring.KeyIds.Count} key(s))" : $"IN CLEAR ({Switch}=off)";

    private static List<(string Source, string Base64)> ReadFile(string path)
    {
        string[] lines;
        try
        {
            lines = System.IO.File.ReadAllLines(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException($"{File}: cannot read {path}: {e.Message}", e);
        }
        var keys = new List<(string, string)>();
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length > 0 && !line.StartsWith('#'))
            {
                keys.Add(($"{File} ({path}) line {i + 1}", line));
            }
        }
        return keys.Count > 0 ? keys : throw new InvalidOperationException($"{File}: {path} holds no key");
    }
}
