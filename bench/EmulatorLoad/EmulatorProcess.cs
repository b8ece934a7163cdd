using System.Diagnostics;
using System.Text.RegularExpressions;

namespace OpenWxCluster.Bench.EmulatorLoad;

/// <summary>The emulator as a child process (`dotnet OpenWxCluster.Emulator.dll --urls http://127.0.0.1:0`).</summary>
internal sealed partial class EmulatorProcess : IDisposable
{
    private readonly Process _process;

    private EmulatorProcess(Process process, Uri baseUri)
    {
        _process = process;
        BaseUri = baseUri;
    }

    public Uri BaseUri { get; }

    public int Pid => _process.Id;

    public static async Task<EmulatorProcess> StartAsync(string dll)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(dll);
        info.ArgumentList.Add("--urls");
        info.ArgumentList.Add("http://127.0.0.1:0");
        var process = Process.Start(info) ?? throw new InvalidOperationException("could not start dotnet");
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                Console.Error.WriteLine("[emulator] " + e.Data);
            }
        };
        process.BeginErrorReadLine();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (await process.StandardOutput.ReadLineAsync(cts.Token) is { } line)
        {
            if (BaseUriLine().Match(line) is { Success: true } m)
            {
                _ = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
                return new EmulatorProcess(process, new Uri(m.Groups[1].Value));
            }
        }

        process.Kill(entireProcessTree: true);
        throw new InvalidOperationException("the emulator exited before announcing its address");
    }

    /// <summary>VmRSS (MB), thread count and open file descriptors of the emulator, from /proc.</summary>
    public (double RssMb, int Threads, int Fds) Stats()
    {
        var status = File.ReadAllLines($"/proc/{Pid}/status");
        double rssKb = 0;
        var threads = 0;
        foreach (var line in status)
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                rssKb = double.Parse(line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries)[1]);
            }
            else if (line.StartsWith("Threads:", StringComparison.Ordinal))
            {
                threads = int.Parse(line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries)[1]);
            }
        }

        return (rssKb / 1024, threads, Directory.GetFiles($"/proc/{Pid}/fd").Length);
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }

        _process.Dispose();
    }

    [GeneratedRegex(@"emulator on (http://\S+?)/? ")]
    private static partial Regex BaseUriLine();
}
