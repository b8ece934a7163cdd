namespace OpenWxCluster.Silo.Hosting;

/// <summary>Turns the friendly flags (<c>--demo</c>, <c>--init-db</c>) into configuration keys.</summary>
public static class CommandLine
{
    public static string[] Normalize(IEnumerable<string> args) =>
    [
        .. args.Select(a => a switch
        {
            "--demo" => "--App:Demo=true",
            "--init-db" => "--App:InitDb=true",
            _ => a,
        }),
    ];
}
