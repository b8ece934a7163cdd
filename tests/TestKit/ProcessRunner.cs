using System.Diagnostics;

namespace OpenWxCluster.TestKit;

/// <summary>Runs a PostgreSQL tool to completion, as the postgres OS user when the current user is root.</summary>
internal static class ProcessRunner
{
    // PostgreSQL refuses to run as root; runuser needs no password or shell quoting.
    public static bool IsRoot => string.Equals(Environment.UserName, "root", StringComparison.Ordinal);

    public static async Task<(int ExitCode, string Output)> RunAsync(
        string fileName, IEnumerable<string> arguments, bool asPostgres, TimeSpan timeout, CancellationToken ct)
    {
        var start = new ProcessStartInfo
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (asPostgres && IsRoot)
        {
            start.FileName = "runuser";
            foreach (var a in new[] { "-u", "postgres", "--", fileName })
            {
                start.ArgumentList.Add(a);
            }
        }
        else
        {
            start.FileName = fileName;
        }

        foreach (var a in arguments)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start)
            ?? throw new InvalidOperationException("Could not start " + fileName + ".");
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeoutSource.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(timeoutSource.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} did not finish within {timeout}.");
        }

        return (process.ExitCode, (await stdout) + (await stderr));
    }
}
