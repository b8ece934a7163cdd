using System.Net;
using System.Text.Json;
using OpenWxCluster.Emulator.World;

namespace OpenWxCluster.TestKit;

/// <summary>
/// Drives the Mojo-compatible HTTP API like a bot operator would, and the emulator's phone like a person would.
/// Shared by the in-process cluster tests and the multi-process tests. Failures throw, so any test framework
/// reports them.
/// </summary>
public sealed class OpenWxHttpApi(HttpClient http, string api = "openwx")
{
    private static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(30);

    public async Task<JsonElement> GetAsync(string route, params (string Key, string Value)[] query)
    {
        using var response = await http.GetAsync(Url(route, query));
        return await ReadOkAsync(route, response);
    }

    public async Task<JsonElement> PostFormAsync(string route, params (string Key, string Value)[] form)
    {
        using var content = new FormUrlEncodedContent(form.Select(p => KeyValuePair.Create(p.Key, p.Value)));
        using var response = await http.PostAsync($"{api}/{route}", content);
        return await ReadOkAsync(route, response);
    }

    /// <summary>
    /// Polls check_event (Mojo mode: each poll takes what it answers) until <paramref name="count"/> send_message
    /// events have come; their contents in order, with any extra that came along.
    /// </summary>
    public async Task<IReadOnlyList<string>> SentContentsAsync(string client, int count, TimeSpan timeout)
    {
        var sent = new List<string>();
        await Eventually.TrueAsync(async () =>
        {
            foreach (var e in (await GetAsync("check_event", ("client", client))).EnumerateArray())
            {
                if (e.GetProperty("post_type").GetString() == "send_message")
                {
                    sent.Add(e.GetProperty("content").GetString()!);
                }
            }
            return sent.Count >= count;
        }, timeout, $"{count} send_message events");
        return sent;
    }

    public async Task<string> StateAsync(string client) =>
        (await ClientAsync(client)).State;

    public async Task<ClientReport> ClientAsync(string client)
    {
        var entry = (await GetAsync("check_client", ("client", client))).GetProperty("client")[0];
        return new ClientReport(entry.GetProperty("state").GetString()!, entry.GetProperty("silo").GetString() ?? "");
    }

    /// <summary>The client's check_client entry once <paramref name="predicate"/> holds for it.</summary>
    public Task<JsonElement> WaitForClientEntryAsync(string client, Func<JsonElement, bool> predicate, string what, TimeSpan? timeout = null) =>
        Eventually.ValueAsync(
            async () => (await GetAsync("check_client", ("client", client))).GetProperty("client")[0],
            predicate,
            timeout ?? DefaultWait,
            $"check_client {client}: {what}");

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

    public async Task<ClientReport> WaitForStateAsync(string client, string state, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? DefaultWait);
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
        throw new TimeoutException($"client {client} stayed in {last?.State ?? "<no answer>"}, expected {state}");
    }

    /// <summary>start_client, read the QR through get_qrcode, scan it with the emulated phone, confirm, wait for running.</summary>
    public async Task<ClientReport> LoginAsync(EmulatorWorld world, string client, string wxid, params (string Key, string Value)[] startParameters) =>
        (await LoginWithQrAsync(world, client, wxid, startParameters)).Report;

    /// <summary><see cref="LoginAsync"/>, also returning the QR image that was scanned.</summary>
    public async Task<(ClientReport Report, byte[] Qr)> LoginWithQrAsync(
        EmulatorWorld world, string client, string wxid, params (string Key, string Value)[] startParameters)
    {
        var started = await GetAsync("start_client", [("client", client), .. startParameters]);
        if (started.GetProperty("code").GetInt32() != 0)
        {
            throw new InvalidOperationException($"start_client {client}: {started}");
        }
        await WaitForStateAsync(client, "scaning");
        var qr = await http.GetByteArrayAsync(Url("get_qrcode", ("client", client)));
        return (await ScanAndConfirmAsync(world, client, wxid, qr), qr);
    }

    /// <summary>The phone scans <paramref name="qr"/> and confirms; waits until the account runs.</summary>
    public async Task<ClientReport> ScanAndConfirmAsync(EmulatorWorld world, string client, string wxid, byte[] qr)
    {
        var pending = world.ScanImage(qr, wxid);
        await WaitForStateAsync(client, "confirming");
        world.Confirm(pending.Uuid);
        return await WaitForStateAsync(client, "running");
    }

    /// <summary>get_qrcode until it serves an image different from <paramref name="previous"/> (a new login).</summary>
    public async Task<byte[]> WaitForNewQrAsync(string client, byte[]? previous, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? DefaultWait);
        while (DateTime.UtcNow < deadline)
        {
            using var response = await http.GetAsync(Url("get_qrcode", ("client", client)));
            // Only an image counts: a failed call answers 200 with a Mojo JSON error.
            if (response.StatusCode == HttpStatusCode.OK && response.Content.Headers.ContentType?.MediaType?.StartsWith("image/", StringComparison.Ordinal) == true)
            {
                var bytes = await response.Content.ReadAsByteArrayAsync();
                if (bytes.Length > 0 && (previous is null || !bytes.AsSpan().SequenceEqual(previous)))
                {
                    return bytes;
                }
            }
            await Task.Delay(50);
        }
        throw new TimeoutException($"client {client} never showed a new QR");
    }

    /// <summary>check_event (each call a long-poll of up to 30 s) until an element satisfies the predicate.</summary>
    public async Task<JsonElement> WaitForEventAsync(string client, Func<JsonElement, bool> predicate, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? DefaultWait);
        while (DateTime.UtcNow < deadline)
        {
            var events = await GetAsync("check_event", ("client", client));
            foreach (var e in events.EnumerateArray().Where(predicate))
            {
                return e;
            }
        }
        throw new TimeoutException($"no matching event for {client} within {timeout ?? DefaultWait}");
    }

    /// <summary>get_group_info until a group satisfies the predicate (groups are fetched after login, changes by sync).</summary>
    public async Task<JsonElement> WaitForGroupAsync(string client, Func<JsonElement, bool> predicate, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? DefaultWait);
        while (DateTime.UtcNow < deadline)
        {
            var groups = await GetAsync("get_group_info", ("client", client));
            if (groups.ValueKind == JsonValueKind.Array && groups.EnumerateArray().FirstOrDefault(predicate) is { ValueKind: JsonValueKind.Object } group)
            {
                return group;
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"{client}: {what} never showed in get_group_info");
    }

    /// <summary>Waits until the group's cached member list holds the member.</summary>
    public Task<JsonElement> WaitForMemberAsync(string client, string groupId, string memberId) =>
        WaitForGroupAsync(
            client,
            g => g.GetProperty("id").GetString() == groupId && Members(g).Contains(memberId),
            $"member {memberId} of {groupId}");

    /// <summary>The member ids of a get_group_info entry.</summary>
    public static IReadOnlyList<string> Members(JsonElement group) =>
        [.. group.GetProperty("member").EnumerateArray().Select(m => m.GetProperty("id").GetString()!)];

    private static async Task<JsonElement> ReadOkAsync(string route, HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new HttpRequestException($"{route}: HTTP {(int)response.StatusCode} {text}");
        }
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private string Url(string route, params (string Key, string Value)[] query)
    {
        var qs = string.Join('&', query.Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value)}"));
        return $"{api}/{route}{(qs.Length > 0 ? "?" + qs : "")}";
    }
}
