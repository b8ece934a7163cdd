using System.Collections.Concurrent;
using OpenWxCluster.Emulator.Control;

namespace OpenWxCluster.Bench.Footprint;

/// <summary>
/// Maps a QR image's SHA-256 to the emulator's login uuid through GET /control/logins. Concurrent lookups share
/// one listing in flight, so N waiting accounts cost one request per refresh, not N.
/// </summary>
public sealed class LoginIndex(EmulatorControlClient control)
{
    private static readonly TimeSpan RefreshPause = TimeSpan.FromMilliseconds(100);

    private readonly ConcurrentDictionary<string, string> _uuidBySha = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lock _gate = new();
    private Task? _refresh;

    public int Refreshes { get; private set; }

    public async Task<string> UuidForAsync(string sha256, CancellationToken cancellation)
    {
        while (true)
        {
            if (_uuidBySha.TryRemove(sha256, out var uuid))
            {
                return uuid;
            }
            cancellation.ThrowIfCancellationRequested();
            await RefreshAsync(cancellation);
        }
    }

    private Task RefreshAsync(CancellationToken cancellation)
    {
        lock (_gate)
        {
            if (_refresh is null || _refresh.IsCompleted)
            {
                _refresh = ListAsync(cancellation);
            }
            return _refresh;
        }
    }

    private async Task ListAsync(CancellationToken cancellation)
    {
        var logins = await control.ListLoginsAsync(cancellation);
        Refreshes++;
        foreach (var login in logins)
        {
            if (login.State == "waiting")
            {
                _uuidBySha.TryAdd(login.QrSha256, login.Uuid);
            }
        }
        await Task.Delay(RefreshPause, cancellation);
    }
}
