using System.Diagnostics;
using OpenWxCluster.Emulator;
using OpenWxCluster.TestKit;

namespace OpenWxCluster.Bench.Footprint;

/// <summary>
/// The emulator the silo talks to: a child process (default, so its memory is not charged to the silo) or an
/// in-process <see cref="EmulatorHost"/>. Holds stay at their defaults (synccheck 25 s).
/// </summary>
public sealed class BenchEmulator : IAsyncDisposable
{
    private readonly Process? _process;
    private readonly EmulatorHost? _host;
    private bool _disposed;

    private BenchEmulator(Uri baseUri, Process? process, EmulatorHost? host)
    {
        BaseUri = baseUri;
        _process = process;
        _host = host;
    }

    public Uri BaseUri { get; }

    public bool IsSeparateProcess => _process is not null;

    public static async Task<BenchEmulator> StartInProcessAsync()
    {
        var host = await EmulatorHost.StartAsync(new EmulatorOptions { Port = 0 });
        return new BenchEmulator(host.BaseUri, null, host);
    }

    public static async Task<BenchEmulator> StartProcessAsync(string dll, TimeSpan startTimeout)
    {
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException($"emulator not found at {dll} (build src/Emulator or pass --emulator-dll)", dll);
        }
        var port = FreePort.Next();
        var url = $"http://127.0.0.1:{port}";
        var info = new ProcessStartInfo("dotnet")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        info.ArgumentList.Add(dll);
        info.ArgumentList.Add("--urls");
        info.ArgumentList.Add(url);
        var process = Process.Start(info) ?? throw new InvalidOperationException("could not start the emulator process");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                Console.Error.WriteLine($"[emulator] {e.Data}");
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var emulator = new BenchEmulator(new Uri(url + "/"), process, null);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => emulator.KillChild();
        try
        {
            await emulator.WaitHealthyAsync(startTimeout);
        }
        catch
        {
            await emulator.DisposeAsync();
            throw;
        }
        return emulator;
    }

    /// <summary>Working set of the emulator child process; null when in-process.</summary>
    public long? ProcessWorkingSet()
    {
        if (_process is null || _process.HasExited)
        {
            return null;
        }
        _process.Refresh();
        return _process.WorkingSet64;
    }

    /// <summary>The emulator dll next to this repository's build output for the same configuration.</summary>
    public static string DefaultDll()
    {
#if DEBUG
        const string configuration = "Debug";
#else
        const string configuration = "Release";
#endif
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "OpenWxCluster.sln")))
        {
            dir = dir.Parent;
        }
        var root = dir?.FullName ?? Directory.GetCurrentDirectory();
        return Path.Combine(root, "src", "Emulator", "bin", configuration, "net10.0", "OpenWxCluster.Emulator.dll");
    }

    private async Task WaitHealthyAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { BaseAddress = BaseUri, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (_process is { HasExited: true })
            {
                throw new InvalidOperationException($"emulator exited with code {_process.ExitCode}");
            }
            try
            {
                using var response = await http.GetAsync(new Uri("control/health", UriKind.Relative));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("emulator did not become healthy");
            }
            await Task.Delay(100);
        }
    }

    private void KillChild()
    {
        try
        {
            if (_process is { HasExited: false })
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone or disposed.
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
        if (_process is not null)
        {
            KillChild();
            await _process.WaitForExitAsync();
            _process.Dispose();
        }
    }
}
