using System.Diagnostics;
using OpenWxCluster.TestKit;
using ChildProcess = System.Diagnostics.Process;

namespace OpenWxCluster.Process.Tests;

/// <summary>
/// A project executable run as a child process: a silo (<c>OpenWxCluster.Silo.dll</c>, PostgreSQL clustering and
/// storage, the schema applied by <c>--init-db</c>, an external emulator upstream) or the stand-alone web front
/// (<c>OpenWxCluster.WebFront.dll</c>, an Orleans client finding gateways in PostgreSQL). Its stdout/stderr go to a
/// log file; Dispose kills it (whole tree) if it is still running.
/// </summary>
public sealed class HostProcess : IDisposable
{
    private readonly ChildProcess _process;
    private readonly StreamWriter _log;
    private readonly object _logLock = new();
    private int _disposed;

    private readonly string _dll;
    private readonly IReadOnlyList<string> _args;
    private readonly string _logDirectory;

    private HostProcess(
        string name, string dll, IReadOnlyList<string> args, string logDirectory,
        ChildProcess process, StreamWriter log, int httpPort, int siloPort, int gatewayPort, string logPath)
    {
        Name = name;
        _dll = dll;
        _args = args;
        _logDirectory = logDirectory;
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
    /// <summary>
    /// False once the process has ended or this host is disposed. Restarting a killed silo disposes its old host while
    /// other threads may still be asking; Process.HasExited throws on a disposed process.
    /// </summary>
    public bool IsAlive => Volatile.Read(ref _disposed) == 0 && !_process.HasExited;

    public static HostProcess StartSilo(string name, SiloSettings settings, string logDirectory, params string[] extraArgs)
    {
        int http = FreePort.Next(), silo = FreePort.Next(), gateway = FreePort.Next();
        string[] args =
        [
            "--urls", $"http://127.0.0.1:{http}",
            // Every silo applies the schema: the installer is idempotent and serialised across processes.
            "--init-db",
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
            // Far beyond every budget: accounts must come back through the recovery sweep, not the watchdog.
            "--OpenWx:Sync:WatchdogPeriod=00:10:00",
            .. settings.Certificates.PfxArgs,
            .. settings.StateKeyArgs,
            .. extraArgs,
        ];
        return Launch(name, BuildOutput.Silo, args, logDirectory, http, silo, gateway);
    }

    /// <summary>
    /// The README's embedded default: one silo, in memory, demo upstreams (its own ports), started from
    /// <paramref name="workingDirectory"/> (default: the program's folder) with <paramref name="extraArgs"/>.
    /// </summary>
    public static HostProcess StartDemo(string name, string logDirectory, string? workingDirectory = null, params string[] extraArgs)
    {
        int http = FreePort.Next(), silo = FreePort.Next(), gateway = FreePort.Next();
        string[] args = ["--demo", "--urls", $"http://127.0.0.1:{http}", $"--App:SiloPort={silo}", $"--App:GatewayPort={gateway}", .. extraArgs];
        return Launch(name, BuildOutput.Silo, args, logDirectory, http, silo, gateway, workingDirectory);
    }

    /// <summary>The web front alone: an Orleans client that finds the silos' gateways in the membership table.</summary>
    public static HostProcess StartWebFront(string name, SiloSettings settings, string logDirectory)
    {
        var http = FreePort.Next();
        string[] args =
        [
            "--urls", $"http://127.0.0.1:{http}",
            "--App:ConnectionString=" + settings.ConnectionString,
            "--App:ClusterId=" + settings.ClusterId,
            "--App:ServiceId=" + settings.ServiceId,
            .. settings.Certificates.PemArgs,
        ];
        return Launch(name, BuildOutput.WebFront, args, logDirectory, http, siloPort: 0, gatewayPort: 0);
    }

    /// <summary>The same program with the same arguments and ports (a restart after a crash); logs to a new file.</summary>
    public HostProcess Restart(string name) =>
        Launch(name, _dll, _args, _logDirectory, HttpPort, SiloPort, GatewayPort);

    private static HostProcess Launch(
        string name, string dll, IReadOnlyList<string> args, string logDirectory, int http, int siloPort, int gatewayPort,
        string? workingDirectory = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory ?? Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }
        var logPath = Path.Combine(logDirectory, $"{name}.log");
        var log = new StreamWriter(logPath, append: false) { AutoFlush = true };
        var process = ChildProcess.Start(start) ?? throw new InvalidOperationException($"could not start {name}");
        var result = new HostProcess(name, dll, args, logDirectory, process, log, http, siloPort, gatewayPort, logPath);
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
                throw new InvalidOperationException($"{Name} exited with {_process.ExitCode}:\n{ReadLog()}");
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
        throw new TimeoutException($"{Name} not ready within {timeout}:\n{ReadLog()}");
    }

    /// <summary>The exit code once the process has ended by itself (a start-up refusal), or a timeout.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cts.Token);
        return _process.ExitCode;
    }

    /// <summary>Logs in to the admin console (same-origin POST) and returns the session cookie as a Cookie header value.</summary>
    public static async Task<string> AdminCookieAsync(HttpClient http, string token)
    {
        using var login = new HttpRequestMessage(HttpMethod.Post, "admin/login") { Content = new FormUrlEncodedContent([new("token", token)]) };
        login.Headers.Add("Origin", http.BaseAddress!.GetLeftPart(UriPartial.Authority));
        using var loggedIn = await http.SendAsync(login);
        return loggedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("openwx_admin=", StringComparison.Ordinal)).Split(';')[0];
    }

    /// <summary>Polls GET /readyz (a silo): ready without touching the API, which may need a token.</summary>
    public async Task WaitUntilListeningAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                if ((await Http.GetAsync("readyz")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"{Name} did not become ready:\n{ReadLog()}");
    }

    /// <summary>SIGKILL: no graceful shutdown, the cluster has to detect the loss.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit(10_000);
    }

    /// <summary>The process's output so far: its last <paramref name="maxChars"/> characters.</summary>
    public string ReadLog(int maxChars = 8000)
    {
        lock (_logLock)
        {
            _log.Flush();
        }
        using var stream = new FileStream(LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        var text = reader.ReadToEnd();
        return text.Length > maxChars ? text[^maxChars..] : text;
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }
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
