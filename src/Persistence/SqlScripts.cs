using System.Reflection;

namespace OpenWxCluster.Persistence;

/// <summary>Loads the embedded Sql/*.sql resources once, ordered by their numeric file-name prefix.</summary>
internal static class SqlScripts
{
    private const string Prefix = "OpenWxCluster.Persistence.Sql.";

    private static readonly Lazy<IReadOnlyList<SqlScript>> Loaded = new(Load);

    public static IReadOnlyList<SqlScript> All => Loaded.Value;

    private static IReadOnlyList<SqlScript> Load()
    {
        var assembly = typeof(SqlScripts).Assembly;
        var scripts = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n => new SqlScript(n[Prefix.Length..], Read(assembly, n)))
            .ToArray();
        if (scripts.Length == 0)
        {
            throw new InvalidOperationException("No embedded SQL scripts found in " + assembly.FullName + ".");
        }

        return scripts;
    }

    private static string Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException("Missing embedded resource " + name + ".");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
