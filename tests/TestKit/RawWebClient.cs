using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace OpenWxCluster.TestKit;

/// <summary>
/// One account over raw HTTP against the emulator, with nothing in between: jslogin → control scan/confirm → login
/// poll → newloginpage → webwxinit → webwxsync, then a loop that keeps one synccheck hanging and calls webwxsync at
/// once on news. The benches use it as the load (many of them) and as the ceiling (the fastest a client can see a
/// message). Every request carries <c>X-Upstream-Host</c>, as the product's loopback mode does.
/// </summary>
public sealed partial class RawWebClient(string wxid)
{
    private const string Cgi = "/cgi-bin/mmwebwx-bin/";
    private const string Main = "wx2.qq.com";
    private const string Push = "webpush.wx2.qq.com";
    private TaskCompletionSource<long> _woke = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private string _sid = "", _skey = "", _passTicket = "", _uin = "";
    private JsonNode? _syncKey, _syncCheckKey;

    public string Wxid { get; } = wxid;

    public bool IsLoggedIn => _syncCheckKey is not null;

    /// <summary>Completes with the Stopwatch timestamp (taken when the synccheck answered) of the next one with news.</summary>
    public Task<long> NextWake => Volatile.Read(ref _woke).Task;

    /// <param name="http">A client whose base address is the emulator (control routes and every upstream host).</param>
    public async Task LoginAsync(HttpClient http, CancellationToken ct = default)
    {
        var js = await GetTextAsync(http, "login.wx.qq.com",
            $"/jslogin?appid=wx782c26e4c19acffb&redirect_uri={Esc("https://wx2.qq.com/cgi-bin/mmwebwx-bin/webwxnewloginpage")}&fun=new&lang=zh_CN&_={Now()}", ct);
        var uuid = UuidPattern().Match(js) is { Success: true } u ? u.Groups[1].Value : throw new InvalidOperationException("no uuid");
        (await http.PostAsJsonAsync("control/logins/scan", new { uuid, wxid = Wxid }, ct)).EnsureSuccessStatusCode();
        (await http.PostAsync($"control/logins/{Esc(uuid)}/confirm", null, ct)).EnsureSuccessStatusCode();

        string redirect;
        while (true)
        {
            var poll = await GetTextAsync(http, "login.wx.qq.com", $"{Cgi}login?loginicon=true&uuid={Esc(uuid)}&tip=0&r={~Now()}&_={Now()}", ct);
            if (RedirectPattern().Match(poll) is { Success: true } r)
            {
                redirect = r.Groups[1].Value;
                break;
            }
        }

        var target = new Uri(redirect);
        using (var page = await SendAsync(http, HttpMethod.Get, target.Host, target.PathAndQuery + "&fun=new&version=v2", null, ct))
        {
            var xml = XElement.Parse(await page.Content.ReadAsStringAsync(ct));
            if (xml.Element("ret")?.Value != "0")
            {
                throw new InvalidOperationException("newloginpage: ret " + xml.Element("ret")?.Value);
            }
            (_skey, _sid, _uin, _passTicket) = (xml.Element("skey")!.Value, xml.Element("wxsid")!.Value, xml.Element("wxuin")!.Value,
                WebUtility.UrlDecode(xml.Element("pass_ticket")!.Value));
        }

        var init = await PostJsonAsync(http, $"{Cgi}webwxinit?r={~Now()}&pass_ticket={Esc(_passTicket)}",
            new JsonObject { ["BaseRequest"] = BaseRequest() }, ct);
        _syncKey = init["SyncKey"]!.DeepClone();
        await SyncAsync(http, null, ct); // takes the login's StatusNotify, so the next synccheck hangs
    }

    /// <summary>
    /// Keeps one synccheck hanging until <paramref name="ct"/>. On news: webwxsync at once, every AddMsgList content to
    /// <paramref name="arrived"/> (stamped when the sync answered), then <see cref="NextWake"/> completes.
    /// <paramref name="inFlight"/> sees +1/-1 around each synccheck. A retcode other than 0 ends the loop with an
    /// exception unless <paramref name="retryErrors"/>, which logs and tries again.
    /// </summary>
    public async Task ListenAsync(
        HttpClient push,
        HttpClient http,
        CancellationToken ct,
        Action<string?, DateTimeOffset>? arrived = null,
        Action<int>? inFlight = null,
        bool retryErrors = false)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                string body;
                inFlight?.Invoke(1);
                try
                {
                    body = await GetTextAsync(push, Push, $"{Cgi}synccheck?r={Now()}&skey={Esc(_skey)}&sid={Esc(_sid)}&uin={_uin}" +
                        $"&deviceid=e123456789012345&synckey={Esc(PipeKey(_syncCheckKey ?? _syncKey!))}&_={Now()}", ct);
                }
                finally
                {
                    inFlight?.Invoke(-1);
                }
                var stamp = Stopwatch.GetTimestamp();
                if (!body.Contains("retcode:\"0\"", StringComparison.Ordinal))
                {
                    throw new InvalidOperationException($"{Wxid} synccheck: {body}");
                }
                if (!body.Contains("selector:\"0\"", StringComparison.Ordinal))
                {
                    await SyncAsync(http, arrived, ct);
                    Interlocked.Exchange(ref _woke, new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult(stamp);
                }
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (retryErrors && e is HttpRequestException or InvalidOperationException)
            {
                await Console.Error.WriteLineAsync($"raw client {Wxid}: {e.GetType().Name}");
                await Task.Delay(TimeSpan.FromMilliseconds(200), CancellationToken.None);
            }
        }
    }

    private async Task SyncAsync(HttpClient http, Action<string?, DateTimeOffset>? arrived, CancellationToken ct)
    {
        var sync = await PostJsonAsync(http, $"{Cgi}webwxsync?sid={Esc(_sid)}&skey={Esc(_skey)}&pass_ticket={Esc(_passTicket)}",
            new JsonObject { ["BaseRequest"] = BaseRequest(), ["SyncKey"] = _syncKey!.DeepClone(), ["rr"] = ~Now() }, ct);
        var at = DateTimeOffset.UtcNow;
        _syncKey = sync["SyncKey"]!.DeepClone();
        _syncCheckKey = sync["SyncCheckKey"]!.DeepClone();
        if (arrived is not null)
        {
            foreach (var message in sync["AddMsgList"]?.AsArray() ?? [])
            {
                arrived(message?["Content"]?.GetValue<string>(), at);
            }
        }
    }

    private JsonObject BaseRequest() =>
        new() { ["Uin"] = long.Parse(_uin), ["Sid"] = _sid, ["Skey"] = _skey, ["DeviceID"] = "e123456789012345" };

    private static async Task<JsonNode> PostJsonAsync(HttpClient http, string path, JsonObject body, CancellationToken ct)
    {
        using var content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        using var response = await SendAsync(http, HttpMethod.Post, Main, path, content, ct);
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync(ct))!;
        var ret = json["BaseResponse"]?["Ret"]?.GetValue<int>();
        return ret == 0 ? json : throw new InvalidOperationException($"{path}: Ret {ret}");
    }

    private static async Task<string> GetTextAsync(HttpClient http, string host, string path, CancellationToken ct)
    {
        using var response = await SendAsync(http, HttpMethod.Get, host, path, null, ct);
        return await response.Content.ReadAsStringAsync(ct);
    }

    private static async Task<HttpResponseMessage> SendAsync(
        HttpClient http, HttpMethod method, string host, string path, HttpContent? content, CancellationToken ct)
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
