using System.Diagnostics;
using System.Security.Cryptography;
using OpenWxCluster.Emulator.Control;

namespace OpenWxCluster.Bench.Footprint;

/// <summary>
/// Logs accounts in the way an operator and a phone would: StartAsync, GetQrCodeAsync, scan and confirm the uuid
/// through the emulator's control API, then waits for <see cref="ClientState.Running"/>.
/// </summary>
public sealed class LoginDriver(IGrainFactory grains, EmulatorControlClient control, int parallel)
{
    private static readonly TimeSpan PollPause = TimeSpan.FromMilliseconds(200);

    private readonly LoginIndex _index = new(control);

    /// <summary>Creates the emulator users and logs them all in; returns the wall time of the logins (user creation excluded).</summary>
    public async Task<TimeSpan> LoginAllAsync(IReadOnlyList<string> clients, TimeSpan timeout)
    {
        using (var creating = new SemaphoreSlim(Math.Min(parallel, 32)))
        {
            await Task.WhenAll(clients.Select(async client =>
            {
                await creating.WaitAsync();
                try
                {
                    await control.CreateUserAsync(new CreateUserRequest { Wxid = WxidOf(client), NickName = client });
                }
                finally
                {
                    creating.Release();
                }
            }));
        }

        using var cancellation = new CancellationTokenSource(timeout);
        using var gate = new SemaphoreSlim(parallel);
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(clients.Select(async client =>
        {
            await gate.WaitAsync(cancellation.Token);
            try
            {
                await LoginAsync(client, cancellation.Token);
            }
            finally
            {
                gate.Release();
            }
        }));
        return watch.Elapsed;
    }

    public static string WxidOf(string client) => "bench_" + client;

    public async Task<int> CountRunningAsync(IReadOnlyList<string> clients)
    {
        var states = await Task.WhenAll(clients.Select(c => Account(c).GetStatusAsync()));
        return states.Count(s => s.State == ClientState.Running);
    }

    private IAccountGrain Account(string client) => grains.GetGrain<IWxAccountGrain>(AccountKey.WeChatClient(client));

    private async Task LoginAsync(string client, CancellationToken cancellation)
    {
        var account = Account(client);
        await account.StartAsync(StartOptions.None);
        var qr = await WaitForQrAsync(account, cancellation);
        var uuid = await _index.UuidForAsync(Convert.ToHexString(SHA256.HashData(qr.Bytes)), cancellation);
        await control.ScanAsync(uuid, WxidOf(client), cancellation);
        await WaitForStateAsync(account, ClientState.Confirming, cancellation);
        await control.ConfirmAsync(uuid, cancellation);
        await WaitForStateAsync(account, ClientState.Running, cancellation);
    }

    private static async Task<QrCodeImage> WaitForQrAsync(IAccountGrain account, CancellationToken cancellation)
    {
        while (true)
        {
            var qr = await account.GetQrCodeAsync();
            if (qr is not null)
            {
                return qr;
            }
            await Task.Delay(PollPause, cancellation);
        }
    }

    private static async Task WaitForStateAsync(IAccountGrain account, ClientState state, CancellationToken cancellation)
    {
        while (true)
        {
            var status = await account.GetStatusAsync();
            if (status.State == state)
            {
                return;
            }
            if (status.State is ClientState.Stop)
            {
                throw new InvalidOperationException($"{status.Client} stopped: {status.LastError}");
            }
            await Task.Delay(PollPause, cancellation);
        }
    }
}
