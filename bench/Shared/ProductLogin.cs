using System.Text.Json;
using OpenWxCluster.Emulator.Control;

namespace OpenWxCluster.Bench.Shared;

/// <summary>
/// Logs product accounts in the way an operator and a phone would: start_client (with extra start parameters, e.g. a
/// future post_api), get_qrcode, the emulator's phone scans the image and confirms, until check_client says running.
/// </summary>
public sealed class ProductLogin(HttpClient api, EmulatorControlClient control)
{
    private static readonly TimeSpan PollPause = TimeSpan.FromMilliseconds(100);

    public async Task LoginAllAsync(
        IReadOnlyList<BenchAccount> accounts, IReadOnlyDictionary<string, string> startParameters, int parallel, CancellationToken ct)
    {
        using var gate = new SemaphoreSlim(parallel);
        await Task.WhenAll(accounts.Select(async account =>
        {
            await gate.WaitAsync(ct);
            try
            {
                await LoginAsync(account, startParameters, ct);
            }
            finally
            {
                gate.Release();
            }
        }));
    }

    /// <summary>stop_client for each account, so no long-poll holds the silo's shutdown.</summary>
    public Task StopAllAsync(IReadOnlyList<BenchAccount> accounts) =>
        Task.WhenAll(accounts.Select(a => GetJsonAsync("stop_client", [("client", a.Client)], CancellationToken.None)));

    private async Task LoginAsync(BenchAccount account, IReadOnlyDictionary<string, string> startParameters, CancellationToken ct)
    {
        var started = await GetJsonAsync("start_client", [("client", account.Client), .. startParameters.Select(p => (p.Key, p.Value))], ct);
        if (started.GetProperty("code").GetInt32() != 0)
        {
            throw new InvalidOperationException($"start_client {account.Client}: {started}");
        }
        await WaitForStateAsync(account.Client, "scaning", ct);
        var qr = await api.GetByteArrayAsync($"openwx/get_qrcode?client={Uri.EscapeDataString(account.Client)}", ct);
        var pending = await control.ScanImageAsync(qr, account.Wxid, ct);
        await WaitForStateAsync(account.Client, "confirming", ct);
        await control.ConfirmAsync(pending.Uuid, ct);
        await WaitForStateAsync(account.Client, "running", ct);
    }

    private async Task WaitForStateAsync(string client, string state, CancellationToken ct)
    {
        while (true)
        {
            var check = await GetJsonAsync("check_client", [("client", client)], ct);
            if (check.TryGetProperty("client", out var entries)
                && entries.GetArrayLength() > 0
                && entries[0].GetProperty("state").GetString() == state)
            {
                return;
            }
            await Task.Delay(PollPause, ct);
        }
    }

    private async Task<JsonElement> GetJsonAsync(string route, IEnumerable<(string Key, string Value)> query, CancellationToken ct)
    {
        var qs = string.Join('&', query.Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value)}"));
        using var response = await api.GetAsync($"openwx/{route}?{qs}", ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
