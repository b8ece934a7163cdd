using System.Diagnostics;
using OpenWxCluster.TestKit;
using ChildProcess = System.Diagnostics.Process;

namespace OpenWxCluster.Process.Tests;

/// <summary>
/// One silo executable (<c>dotnet OpenWxCluster.Silo.dll</c>) with PostgreSQL clustering and storage and an external
/// emulator upstream. Its stdout/stderr go to a log file; Dispose kills it (whole tree) if it is still running.
/// </summary>
public sealed class SiloProcess : IDisposable
{
    private readonly ChildProcess _process;
    private readonly StreamWriter _log;
    private readonly object _logLock = new();

    private SiloProcess(string name, ChildProcess process, StreamWriter log, int httpPort, int siloPort, int gatewayPort, string logPath)
    {
        Name = name;
        _process = process;
        _log = log;
        HttpPort = httpPort;
        SiloPort = siloPort;
        GatewayPort = gatewayPort;
        LogPath = logPath;
        Http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{httpPort}/"), Timeout = TimeSpan.FromSeconds(60) };
    }

    public string Name { get; }
    public int HttpPort { get; }
    public int SiloPort { get; }
    public int GatewayPort { get; }
    public string LogPath { get; }
    public HttpClient Http { get; }
    public bool IsAlive => !_process.HasExited;

    public static SiloProcess Start(string name, SiloSettings settings, string logDirectory)
    {
        int http = FreePort.Next(), silo = FreePort.Next(), gateway = FreePort.Next();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = SiloBuild.OutputDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        string[] args =
        [
            SiloBuild.Dll,
            "--urls", $"http://127.0.0.1:{http}",
            "--App:Storage=postgres",
            "--App:Clustering=postgres",
            "--App:ConnectionString=" + settings.ConnectionString,
            "--App:Upstream=emulator",
            "--App:EmulatorUrl=" + settings.EmulatorUrl,
            $"--App:SiloPort={silo}",
            $"--App:GatewayPort={gateway}",
            "--App:ClusterId=" + settings.ClusterId,
            "--App:ServiceId=" + settings.ServiceId,
            "--OpenWx:Sync:PumpInterval=00:00:00.100",
        ];
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }
        var logPath = Path.Combine(logDirectory, $"silo-{name}.log");
        var log = new StreamWriter(logPath, append: false) { AutoFlush = true };
        var process = ChildProcess.Start(start) ?? throw new InvalidOperationException("could not start the silo");
        var result = new SiloProcess(name, process, log, http, silo, gateway, logPath);
        process.OutputDataReceived += (_, e) => result.Write("out", e.Data);
        process.ErrorDataReceived += (_, e) => result.Write("err", e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return result;
    }

    /// <summary>Polls GET /openwx/check_client until it answers 200 (Orleans and Kestrel both up).</summary>
    public async Task WaitUntilReadyAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"silo {Name} exited with {_process.ExitCode}:\n{ReadLog()}");
            }
            try
            {
                using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(3));
                using var response = await Http.GetAsync("openwx/check_client", cts.Token);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
            {
                // not listening yet
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"silo {Name} not ready within {timeout}:\n{ReadLog()}");
    }

    /// <summary>SIGKILL: no graceful shutdown, the cluster has to detect the loss.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit(10_000);
    }

    public string ReadLog()
    {
        lock (_logLock)
        {
            _log.Flush();
        }
        using var stream = new FileStream(LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        var text = reader.ReadToEnd();
        return text.Length > 8000 ? text[^8000..] : text;
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                Kill();
            }
        }
        catch (InvalidOperationException)
        {
            // already gone
        }
        _process.Dispose();
        Http.Dispose();
        lock (_logLock)
        {
            _log.Dispose();
        }
    }

    private void Write(string stream, string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_logLock)
        {
            try
            {
                _log.WriteLine($"{DateTime.UtcNow:HH:mm:ss.fff} [{stream}] {line}");
            }
            catch (ObjectDisposedException)
            {
                // output after Dispose
            }
        }
    }
}
