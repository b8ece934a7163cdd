using System.Text.Json;
using OpenWxCluster.TestKit;

namespace OpenWxCluster.Process.Tests;

/// <summary>
/// The README's run command (<c>--demo</c>), started from another working directory as a person might: a QQ account
/// runs by itself on the in-process QQ emulator and its friends' messages reach Openqq; the console shows the
/// labelled addresses, the WeChat QR to scan and one line per message (settings only appsettings.json gives, so the
/// file was found).
/// </summary>
public sealed class DemoRunTests : IDisposable
{
    private readonly string _logs = Path.Combine(Path.GetTempPath(), "openwx-demo-run-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly HostProcess _silo;

    public DemoRunTests()
    {
        Directory.CreateDirectory(_logs);
        _silo = HostProcess.StartDemo("demo", _logs, workingDirectory: _logs);
    }

    public void Dispose() => _silo.Dispose();

    [Fact]
    public async Task The_demo_QQ_account_runs_and_a_demo_friends_message_reaches_check_event_and_the_console()
    {
        await _silo.WaitUntilReadyAsync(TimeSpan.FromSeconds(90));
        var api = new OpenWxHttpApi(_silo.Http, "openqq");
        await api.WaitForStateAsync("demo", "running", TimeSpan.FromSeconds(60));

        // Demo friends write every 10 s; the first is 小明 (20001) privately.
        var message = await api.WaitForEventAsync("demo", e => e.GetProperty("post_type").GetString() == "receive_message", TimeSpan.FromSeconds(60));
        Assert.Equal(("friend_message", "20001", "小明"), (S(message, "type"), S(message, "sender_uid"), S(message, "sender")));
        Assert.Equal("你好 [微笑]", S(message, "content"));
        var friends = await api.GetAsync("get_friend_info", ("client", "demo"));
        Assert.Equal(["小明", "小红"], friends.EnumerateArray().Select(f => S(f, "name")).Order());

        var wx = new OpenWxHttpApi(_silo.Http);
        Assert.Equal(0, (await wx.GetAsync("start_client", ("client", "default"))).GetProperty("code").GetInt32());
        await wx.WaitForStateAsync("default", "running", TimeSpan.FromSeconds(60));
        var console = await Eventually.ValueAsync(
            () => Task.FromResult(_silo.ReadLog(int.MaxValue)), c => c.Contains("qq/demo ← 小明: 你好 [微笑]"), TimeSpan.FromSeconds(30), "the echo");
        Assert.Contains($"Openwx API (Mojo-Weixin)   http://127.0.0.1:{_silo.HttpPort}/openwx/", console);
        Assert.Contains($"Openqq API (Mojo-Webqq)    http://127.0.0.1:{_silo.HttpPort}/openqq/", console);
        Assert.Contains("WeChat emulator control    http://127.0.0.1:", console);
        Assert.Contains("wx/default: scan this QR code with WeChat", console);
        Assert.Contains("████ ▄▄▄▄▄ █", console); // a finder pattern's top row, drawn by QRCoder's half blocks
        Assert.DoesNotContain("Now listening on", console);

        // The in-silo emulator's control API (it scans QRs, reads sent messages) is closed without its token.
        var control = System.Text.RegularExpressions.Regex.Match(console, @"WeChat emulator control\s+(\S+)").Groups[1].Value;
        using var probe = new HttpClient();
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, (await probe.GetAsync(control + "health")).StatusCode);
    }

    private static string? S(JsonElement e, string name) => e.TryGetProperty(name, out var v) ? v.GetString() : null;
}
