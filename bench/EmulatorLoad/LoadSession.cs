using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace OpenWxCluster.Bench.EmulatorLoad;

/// <summary>
/// One account over raw HTTP: jslogin → control scan/confirm → login poll → newloginpage → webwxinit → webwxsync,
/// then a loop that keeps one synccheck hanging and records when it wakes with news.
/// </summary>
internal sealed partial class LoadSession(string wxid)
{
    private const string Cgi = "/cgi-bin/mmwebwx-bin/";
    private const string Main = "wx2.qq.com";
    private TaskCompletionSource<long> _woke = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private string _sid = "", _skey = "", _passTicket = "", _uin = "";
    private JsonNode? _syncKey, _syncCheckKey;

    public string Wxid { get; } = wxid;

    public bool IsLoggedIn => _syncCheckKey is not null;

    /// <summary>Completes with the Stopwatch timestamp of the next synccheck that reports news.</summary>
    public Task<long> NextWake => Volatile.Read(ref _woke).Task;

    public async Task LoginAsync(HttpClient http)
    {
        var js = await GetTextAsync(http, "login.wx.qq.com",
            $"/jslogin?appid=wx782c26e4c19acffb&redirect_uri={Esc("https://wx2.qq.com/cgi-bin/mmwebwx-bin/webwxnewloginpage")}&fun=new&lang=zh_CN&_={Now()}");
        var uuid = UuidPattern().Match(js) is { Success: true } u ? u.Groups[1].Value : throw new InvalidOperationException("no uuid: " + js);
        (await http.PostAsJsonAsync("control/logins/scan", new { uuid, wxid = Wxid })).EnsureSuccessStatusCode();
        (await http.PostAsync($"control/logins/{Esc(uuid)}/confirm", null)).EnsureSuccessStatusCode();

        string redirect;
        while (true)
        {
            var poll = await GetTextAsync(http, "login.wx.qq.com", $"{Cgi}login?loginicon=true&uuid={Esc(uuid)}&tip=0&r={~Now()}&_={Now()}");
            if (RedirectPattern().Match(poll) is { Success: true } r)
            {
                redirect = r.Groups[1].Value;
                break;
            }

            if (!poll.Contains("window.code=201", StringComparison.Ordinal))
            {
                throw new InvalidOperationException("login poll: " + poll);
            }
        }

        var target = new Uri(redirect);
        using (var page = await SendAsync(http, HttpMethod.Get, target.Host, target.PathAndQuery + "&fun=new&version=v2", null))
        {
            var xml = XElement.Parse(await page.Content.ReadAsStringAsync());
            if (xml.Element("ret")?.Value != "0")
            {
                throw new InvalidOperationException("newloginpage: " + xml);
            }

            (_skey, _sid, _uin, _passTicket) = (xml.Element("skey")!.Value, xml.Element("wxsid")!.Value, xml.Element("wxuin")!.Value,
                WebUtility.UrlDecode(xml.Element("pass_ticket")!.Value));
        }

        var init = await PostJsonAsync(http, $"{Cgi}webwxinit?r={~Now()}&pass_ticket={Esc(_passTicket)}",
            new JsonObject { ["BaseRequest"] = new JsonObject { ["Uin"] = long.Parse(_uin), ["Sid"] = _sid, ["Skey"] = _skey, ["DeviceID"] = "e123456789012345" } });
        _syncKey = init["SyncKey"]!.DeepClone();
        await SyncAsync(http); // confirms the login's StatusNotify message so the next synccheck hangs
    }

    /// <summary>Keeps one synccheck hanging until <paramref name="ct"/>; on news, syncs and signals <see cref="NextWake"/>.</summary>
    public async Task HoldAsync(HttpClient push, HttpClient http, Action<int> inFlight, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            string body;
            inFlight(1);
            try
            {
                body = await GetTextAsync(push, "webpush.wx2.qq.com", $"{Cgi}synccheck?r={Now()}&skey={Esc(_skey)}&sid={Esc(_sid)}&uin={_uin}" +
                    $"&deviceid=e123456789012345&synckey={Esc(PipeKey(_syncCheckKey ?? _syncKey!))}&_={Now()}", ct);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            finally
            {
                inFlight(-1);
            }

            var stamp = Stopwatch.GetTimestamp();
            if (!body.Contains("retcode:\"0\"", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"{Wxid} synccheck: {body}");
            }

            if (!body.Contains("selector:\"0\"", StringComparison.Ordinal))
            {
                await SyncAsync(http);
                Interlocked.Exchange(ref _woke, new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult(stamp);
            }
        }
    }

    private async Task SyncAsync(HttpClient http)
    {
        var sync = await PostJsonAsync(http, $"{Cgi}webwxsync?sid={Esc(_sid)}&skey={Esc(_skey)}&pass_ticket={Esc(_passTicket)}",
            new JsonObject { ["BaseRequest"] = new JsonObject { ["Uin"] = long.Parse(_uin), ["Sid"] = _sid }, ["SyncKey"] = _syncKey!.DeepClone(), ["rr"] = ~Now() });
        _syncKey = sync["SyncKey"]!.DeepClone();
        _syncCheckKey = sync["SyncCheckKey"]!.DeepClone();
    }

    private static async Task<JsonNode> PostJsonAsync(HttpClient http, string path, JsonObject body)
    {
        using var content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        using var response = await SendAsync(http, HttpMethod.Post, Main, path, content);
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var ret = json["BaseResponse"]?["Ret"]?.GetValue<int>();
        return ret == 0 ? json : throw new InvalidOperationException($"{path}: Ret {ret}");
    }

    private static async Task<string> GetTextAsync(HttpClient http, string host, string path, CancellationToken ct = default)
    {
        using var response = await SendAsync(http, HttpMethod.Get, host, path, null, ct);
        return await response.Content.ReadAsStringAsync(ct);
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient http, HttpMethod method, string host, string path, HttpContent? content, CancellationToken ct = default)
    {
        using var request = new HttpRequestMessage(method, path.TrimStart('/')) { Content = content };
        request.Headers.Add("X-Upstream-Host", host);
        var response = await http.SendAsync(request, ct);
        if (response.StatusCode is not (HttpStatusCode.OK or HttpStatusCode.MovedPermanently))
        {
            response.Dispose();
            throw new HttpRequestException($"{path}: HTTP {(int)response.StatusCode}");
        }

        return response;
    }

    private static string PipeKey(JsonNode key) =>
        string.Join('|', key["List"]!.AsArray().Select(i => $"{i!["Key"]}_{i["Val"]}"));

    private static long Now() => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

    private static string Esc(string value) => Uri.EscapeDataString(value);

    [GeneratedRegex("uuid = \"([^\"]+)\"")]
    private static partial Regex UuidPattern();

    [GeneratedRegex("window\\.redirect_uri=\"([^\"]+)\"")]
    private static partial Regex RedirectPattern();
}
