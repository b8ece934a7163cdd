using System.Reflection;

namespace OpenWxCluster.WebFront;

/// <summary>
/// What Mojo reported about the per-account child process. Accounts have no process of their own here, so pid and
/// port are those of the process and port that served the request (any front can serve any account).
/// </summary>
public static class ServerInfo
{
    public static int Pid { get; } = Environment.ProcessId;

    /// <summary>Perl's <c>$^O</c> spellings, which Mojo reports as <c>os</c>.</summary>
    public static string Os { get; } =
        OperatingSystem.IsLinux() ? "linux"
        : OperatingSystem.IsWindows() ? "MSWin32"
        : OperatingSystem.IsMacOS() ? "darwin"
        : OperatingSystem.IsFreeBSD() ? "freebsd"
        : "unknown";

    public static string Version { get; } = ReadVersion();

    public static int Port(HttpContext context) =>
        context.Connection.LocalPort != 0 ? context.Connection.LocalPort : context.Request.Host.Port ?? 0;

    private static string ReadVersion()
    {
        var assembly = typeof(ServerInfo).Assembly;
        var informational = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        if (!string.IsNullOrEmpty(informational))
        {
            // Drop the "+<commit>" suffix the SDK appends.
            var plus = informational.IndexOf('+', StringComparison.Ordinal);
            return plus < 0 ? informational : informational[..plus];
        }
        return assembly.GetName().Version?.ToString() ?? "0.0.0";
    }
}
