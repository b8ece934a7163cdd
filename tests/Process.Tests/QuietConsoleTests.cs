using OpenWxCluster.TestKit;

namespace OpenWxCluster.Process.Tests;

/// <summary>
/// With the console echo switched off, a message that reached check_event and a QR that was scanned leave no trace
/// in the process's output: the logs themselves never carry message bodies or QR codes.
/// </summary>
public sealed class QuietConsoleTests : IDisposable
{
    private readonly string _logs = Path.Combine(Path.GetTempPath(), "openwx-quiet-run-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly HostProcess _silo;

    public QuietConsoleTests()
    {
        Directory.CreateDirectory(_logs);
        _silo = HostProcess.StartDemo("quiet", _logs, null, "--OpenWx:Console:ShowMessages=false", "--OpenWx:Console:ShowQrCode=false");
    }

    public void Dispose() => _silo.Dispose();

    [Fact]
    public async Task Without_the_echo_no_message_body_or_qr_reaches_the_output()
    {
        await _silo.WaitUntilReadyAsync(TimeSpan.FromSeconds(90));
        var qq = new OpenWxHttpApi(_silo.Http, "openqq");
        await qq.WaitForStateAsync("demo", "running", TimeSpan.FromSeconds(60));
        var message = await qq.WaitForEventAsync("demo", e => e.GetProperty("post_type").GetString() == "receive_message", TimeSpan.FromSeconds(60));
        var body = message.GetProperty("content").GetString()!;
        var wx = new OpenWxHttpApi(_silo.Http);
        await wx.GetAsync("start_client", ("client", "default"));
        await wx.WaitForStateAsync("default", "running", TimeSpan.FromSeconds(60));

        var output = _silo.ReadLog(int.MaxValue);
        Assert.Contains("OpenWxCluster silo is running", output);
        Assert.DoesNotContain(body, output);
        Assert.DoesNotContain("scan this QR code", output);
        Assert.DoesNotContain("▄▄▄▄▄", output);
    }
}
