using System.Net;
using System.Text.Json;
using OpenWxCluster.Emulator.World;

namespace OpenWxCluster.Process.Tests;

/// <summary>The Mojo-compatible HTTP API of one silo process, plus the emulated phone for logging in.</summary>
public sealed class HttpApi(HttpClient http)
{
    public async Task<JsonElement> GetAsync(string route, params (string Key, string Value)[] query)
    {
        using var response = await http.GetAsync(Url(route, query));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{route}: HTTP {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>check_client for one client, or null when the call fails (silo unreachable, grain being recovered).</summary>
    public async Task<ClientReport?> TryClientAsync(string client, TimeSpan timeout)
    {
        try
        {
            using var cts = new CancellationTokenSource(timeout);
            using var response = await http.GetAsync(Url("check_client", ("client", client)), cts.Token);
            if (!response.IsSuccessStatusCode)
            {
                return null;
            }
            var entry = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cts.Token)).RootElement.GetProperty("client")[0];
            return new ClientReport(entry.GetProperty("state").GetString()!, entry.GetProperty("silo").GetString() ?? "");
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException or JsonException or KeyNotFoundException)
        {
            return null;
        }
    }

    public async Task<ClientReport> WaitForStateAsync(string client, string state, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        ClientReport? last = null;
        while (DateTime.UtcNow < deadline)
        {
            last = await TryClientAsync(client, TimeSpan.FromSeconds(5));
            if (last?.State == state)
            {
                return last;
            }
            await Task.Delay(50);
        }
        Assert.Fail($"client {client} stayed in {last?.State ?? "<no answer>"}, expected {state}");
        return last!;
    }

    /// <summary>start_client → get_qrcode → the phone scans and confirms → running.</summary>
    public async Task<ClientReport> LoginAsync(EmulatorWorld world, string client, string wxid)
    {
        var started = await GetAsync("start_client", ("client", client));
        Assert.Equal(0, started.GetProperty("code").GetInt32());
        await WaitForStateAsync(client, "scaning", TimeSpan.FromSeconds(30));
        var qr = await http.GetByteArrayAsync(Url("get_qrcode", ("client", client)));
        var pending = world.ScanImage(qr, wxid);
        await WaitForStateAsync(client, "confirming", TimeSpan.FromSeconds(30));
        world.Confirm(pending.Uuid);
        return await WaitForStateAsync(client, "running", TimeSpan.FromSeconds(30));
    }

    /// <summary>check_event (a long-poll) until an element satisfies the predicate.</summary>
    public async Task<JsonElement> WaitForEventAsync(string client, Func<JsonElement, bool> predicate, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            var events = await GetAsync("check_event", ("client", client));
            foreach (var e in events.EnumerateArray().Where(predicate))
            {
                return e;
            }
        }
        Assert.Fail($"no matching event for {client} within {timeout}");
        return default;
    }

    private static string Url(string route, params (string Key, string Value)[] query)
    {
        var qs = string.Join('&', query.Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value)}"));
        return $"openwx/{route}{(qs.Length > 0 ? "?" + qs : "")}";
    }
}
