namespace OpenWxCluster.TestReport;

/// <summary>
/// <c>--root DIR --list FILE --results DIR [--figures DIR] [--tests DIR]</c>: the repository root, the expected
/// list, where test.sh wrote <c>NAME.trx</c> and <c>NAME.exitcode</c> per project, the figures folder, and the
/// folder scanned for unlisted test projects (default tests).
/// </summary>
public sealed record CommandLine(string Root, string List, string Results, string? Figures, string Tests)
{
    public static CommandLine Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
            {
                throw new ArgumentException($"expected --name value pairs, got '{args[i]}'");
            }
            values[args[i][2..]] = args[++i];
        }
        string Required(string name) =>
            values.TryGetValue(name, out var value) ? value : throw new ArgumentException($"--{name} is required");
        return new CommandLine(
            Required("root"),
            Required("list"),
            Required("results"),
            values.GetValueOrDefault("figures"),
            values.GetValueOrDefault("tests") ?? "tests");
    }
}
