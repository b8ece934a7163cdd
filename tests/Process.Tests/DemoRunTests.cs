using System.Text.Json;
using OpenWxCluster.TestKit;

namespace OpenWxCluster.Process.Tests;

/// <summary>The README's run command (<c>--demo</c>): a QQ account runs by itself on the in-process QQ emulator and its friends' messages reach Openqq.</summary>
public sealed class DemoRunTests : IDisposable
{
    private readonly string _logs = Path.Combine(Path.GetTempPath(), "openwx-demo-run-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly HostProcess _silo;

    public DemoRunTests()
    {
        Directory.CreateDirectory(_logs);
        _silo = HostProcess.StartDemo("demo", _logs);
    }

    public void Dispose() => _silo.Dispose();

    [Fact]
    public async Task The_demo_QQ_account_runs_and_a_demo_friends_message_reaches_check_event()
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
    }

    private static string? S(JsonElement e, string name) => e.TryGetProperty(name, out var v) ? v.GetString() : null;
}
