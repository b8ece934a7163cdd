using System.Net;
using System.Text.Json;
using OpenWxCluster.Emulator;

namespace OpenWxCluster.Cluster.Tests;

/// <summary>Drives the HTTP API like a bot operator would, and the emulator's phone like a person would.</summary>
public sealed class ApiDriver(HttpClient http, EmulatorHost emulator)
{
    public async Task<JsonElement> GetAsync(string route, params (string Key, string Value)[] query)
    {
        var qs = string.Join('&', query.Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value)}"));
        using var response = await http.GetAsync($"openwx/{route}{(qs.Length > 0 ? "?" + qs : "")}");
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{route}: HTTP {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public async Task<JsonElement> PostFormAsync(string route, params (string Key, string Value)[] form)
    {
        using var content = new FormUrlEncodedContent(form.Select(p => KeyValuePair.Create(p.Key, p.Value)));
        using var response = await http.PostAsync($"openwx/{route}", content);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{route}: HTTP {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public async Task<string> StateAsync(string client)
    {
        var reply = await GetAsync("check_client", ("client", client));
        return reply.GetProperty("client")[0].GetProperty("state").GetString()!;
    }

    public async Task WaitForStateAsync(string client, string state, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        string last;
        do
        {
            last = await StateAsync(client);
            if (last == state)
            {
                return;
            }
            await Task.Delay(50);
        }
        while (DateTime.UtcNow < deadline);
        Assert.Fail($"client {client} stayed in {last}, expected {state}");
    }

    /// <summary>start_client, read the QR through get_qrcode, scan it with the emulated phone, confirm, wait for running.</summary>
    public async Task LoginAsync(string client, string wxid)
    {
        var started = await GetAsync("start_client", ("client", client));
        Assert.Equal(0, started.GetProperty("code").GetInt32());
        await WaitForStateAsync(client, "scaning");
        var qr = await http.GetByteArrayAsync($"openwx/get_qrcode?client={Uri.EscapeDataString(client)}");
        var pending = emulator.World.ScanImage(qr, wxid);
        await WaitForStateAsync(client, "confirming");
        emulator.World.Confirm(pending.Uuid);
        await WaitForStateAsync(client, "running");
    }

    /// <summary>check_event until an element satisfies the predicate (each call long-polls up to 30 s).</summary>
    public async Task<JsonElement> WaitForEventAsync(string client, Func<JsonElement, bool> predicate, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (DateTime.UtcNow < deadline)
        {
            var events = await GetAsync("check_event", ("client", client));
            foreach (var e in events.EnumerateArray())
            {
                if (predicate(e))
                {
                    return e;
                }
            }
        }
        Assert.Fail($"no matching event for {client}");
        return default;
    }
}
