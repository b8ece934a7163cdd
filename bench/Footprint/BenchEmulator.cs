using OpenWxCluster.Bench.Shared;
using OpenWxCluster.Emulator;
using OpenWxCluster.TestKit;

namespace OpenWxCluster.Bench.Footprint;

/// <summary>
/// The emulator the silo talks to: a child process (default, so its memory is not charged to the silo) or an
/// in-process <see cref="EmulatorHost"/>. Holds stay at their defaults (synccheck 25 s).
/// </summary>
public sealed class BenchEmulator : IAsyncDisposable
{
    private readonly BenchProcess? _process;
    private readonly EmulatorHost? _host;
    private bool _disposed;

    private BenchEmulator(Uri baseUri, BenchProcess? process, EmulatorHost? host)
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
        var url = new Uri($"http://127.0.0.1:{FreePort.Next()}/");
        var logs = Directory.CreateTempSubdirectory("footprint-bench-").FullName;
        var process = BenchProcess.StartDll("emulator", dll, ["--urls", url.ToString().TrimEnd('/')], logs, line => Console.Error.WriteLine($"[emulator] {line}"));
        var emulator = new BenchEmulator(url, process, null);
        try
        {
            await process.WaitHttpOkAsync(new Uri(url, "control/health"), startTimeout);
        }
        catch
        {
            await emulator.DisposeAsync();
            throw;
        }
        return emulator;
    }

    /// <summary>Resident memory of the emulator child process; null when in-process or gone.</summary>
    public long? ProcessWorkingSet() =>
        _process is null || _process.HasExited ? null : (long)(_process.RssMiB() * 1024 * 1024);

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
        _process?.Dispose();
    }
}
