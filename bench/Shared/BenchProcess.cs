using System.Diagnostics;

namespace OpenWxCluster.Bench.Shared;

/// <summary>
/// A program of this repository run as a child process (<c>dotnet x.dll args</c>), its output in a log file, killed
/// (whole tree) on Dispose and when the bench exits, so its CPU and memory are its own and visible from /proc.
/// </summary>
public sealed class BenchProcess : IDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;
    private readonly Lock _logLock = new();

    private readonly Action<string>? _echo;

    private BenchProcess(string name, Process process, StreamWriter log, string logPath, Action<string>? echo)
    {
        _echo = echo;
        Name = name;
        _process = process;
        _log = log;
        LogPath = logPath;
    }

    public string Name { get; }

    public int Pid => _process.Id;

    public string LogPath { get; }

    public bool HasExited => _process.HasExited;

    /// <summary>
    /// Starts <paramref name="dll"/> from its own folder (so it reads its own appsettings.json); its output lines go
    /// to <c>&lt;logDirectory&gt;/&lt;name&gt;.log</c> and to <paramref name="echo"/> when given.
    /// </summary>
    public static BenchProcess StartDll(string name, string dll, IEnumerable<string> args, string logDirectory, Action<string>? echo = null)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        info.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        var logPath = Path.Combine(logDirectory, name + ".log");
        var log = new StreamWriter(logPath, append: false) { AutoFlush = true };
        var process = Process.Start(info) ?? throw new InvalidOperationException("could not start " + name);
        var child = new BenchProcess(name, process, log, logPath, echo);
        process.OutputDataReceived += (_, e) => child.Write(e.Data);
        process.ErrorDataReceived += (_, e) => child.Write(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => child.Kill();
        return child;
    }

    /// <summary>Polls <paramref name="url"/> until it answers 2xx; throws with the log's tail if the child dies or time runs out.</summary>
    public async Task WaitHttpOkAsync(Uri url, TimeSpan timeout)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(3) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"{Name} exited with {_process.ExitCode}; see {LogPath}");
            }
            try
            {
                using var response = await http.GetAsync(url);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // not listening yet
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"{Name} did not answer {url} within {timeout}; see {LogPath}");
    }

    public TimeSpan CpuTime() => ProcessCpu.Of(Pid);

    public double RssMiB() => ProcessCpu.RssMiB(Pid);

    public void Dispose()
    {
        Kill();
        _process.Dispose();
        lock (_logLock)
        {
            _log.Dispose();
        }
    }

    private void Kill()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
            // already gone or disposed
        }
    }

    private void Write(string? line)
    {
        if (line is null)
        {
            return;
        }
        _echo?.Invoke(line);
        lock (_logLock)
        {
            try
            {
                _log.WriteLine(line);
            }
            catch (ObjectDisposedException)
            {
                // output after Dispose
            }
        }
    }
}
