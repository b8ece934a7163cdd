using System.Text;
using OpenWxCluster.Grains.Diagnostics;
using OpenWxCluster.Grains.Options;
using OpenWxCluster.TestKit;

namespace OpenWxCluster.Grains.UnitTests;

/// <summary>
/// The console echo queues lines and writes them from one task: every line arrives, in order; a console that does
/// not keep up loses lines beyond the bounded queue and says how many, and never holds up the delivery.
/// </summary>
public sealed class ConsoleEchoTests
{
    [Fact]
    public async Task Every_message_line_reaches_the_console_in_order()
    {
        var output = new GatedWriter(open: true);
        using var echo = Echo(output);
        var events = Enumerable.Range(1, 500).Select(i => Received($"line {i}")).ToList();
        foreach (var e in events)
        {
            echo.Delivered([e]);
        }
        var text = await Eventually.ValueAsync(() => Task.FromResult(output.Text), t => t.Contains("line 500", StringComparison.Ordinal), TimeSpan.FromSeconds(30), "the last line");
        var lines = text.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(Enumerable.Range(1, 500).Select(i => $"line {i}"), lines.Select(l => l[(l.LastIndexOf(": ", StringComparison.Ordinal) + 2)..]));
    }

    [Fact]
    public async Task A_stuck_console_costs_dropped_lines_that_are_counted_not_a_blocked_delivery()
    {
        var output = new GatedWriter(open: false);
        using var echo = Echo(output);
        var total = ConsoleEcho.QueueCapacity + 300;
        for (var i = 1; i <= total; i++)
        {
            echo.Delivered([Received($"line {i}")]); // returns at once although the console is stuck
        }
        output.Open();
        var text = await Eventually.ValueAsync(
            () => Task.FromResult(output.Text), t => t.Contains($"line {total}", StringComparison.Ordinal) || t.Contains("not echoed", StringComparison.Ordinal),
            TimeSpan.FromSeconds(30), "the queued lines");
        text = await Eventually.ValueAsync(() => Task.FromResult(output.Text), t => t.Contains("not echoed", StringComparison.Ordinal), TimeSpan.FromSeconds(30), "the count");
        var lines = text.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        var echoed = lines.Count(l => l.Contains(": line ", StringComparison.Ordinal));
        var notice = Assert.Single(lines, l => l.Contains("not echoed", StringComparison.Ordinal));
        var dropped = int.Parse(notice.Split('(')[1].Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(dropped > 0);
        Assert.Equal(total, echoed + dropped);
    }

    private static ConsoleEcho Echo(TextWriter output) =>
        new(Microsoft.Extensions.Options.Options.Create(new ConsoleEchoOptions { ShowMessages = true, MaxLineLength = 500 }), TimeProvider.System) { Output = output };

    private static AccountEvent Received(string content) => new()
    {
        AccountKey = "wx/echo",
        Seq = 1,
        PostType = AccountEvent.ReceiveMessage,
        Params = [],
        Message = new ChatMessage { Id = "1", Content = content, Type = "friend_message", Class = "recv", Sender = "pal" },
        Time = DateTimeOffset.UtcNow,
    };

    /// <summary>A console that can be stuck: writes wait until it is opened.</summary>
    private sealed class GatedWriter(bool open) : TextWriter
    {
        private readonly ManualResetEventSlim _open = new(open);
        private readonly StringBuilder _text = new();
        private readonly Lock _gate = new();

        public override Encoding Encoding => Encoding.UTF8;

        public string Text
        {
            get
            {
                lock (_gate)
                {
                    return _text.ToString();
                }
            }
        }

        public void Open() => _open.Set();

        public override void Write(char value) => Write(value.ToString());

        public override void Write(string? value)
        {
            _open.Wait();
            lock (_gate)
            {
                _text.Append(value);
            }
        }

        protected override void Dispose(bool disposing)
        {
            _open.Dispose();
            base.Dispose(disposing);
        }
    }
}
