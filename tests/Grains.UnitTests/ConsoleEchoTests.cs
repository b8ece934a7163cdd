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
        echo.Delivered([Received("line 1")]);
        await output.Entered.WaitAsync(TimeSpan.FromSeconds(30)); // the writer task now holds line 1, stuck in the console
        var total = ConsoleEcho.QueueCapacity + 300;
        for (var i = 2; i <= total; i++)
        {
            echo.Delivered([Received($"line {i}")]); // returns at once although the console is stuck
        }
        output.Open();
        // Line 1 was being written, the queue then held the next QueueCapacity lines, the rest were lost.
        var lastKept = 1 + ConsoleEcho.QueueCapacity;
        var text = await Eventually.ValueAsync(
            () => Task.FromResult(output.Text),
            t => t.Contains("not echoed", StringComparison.Ordinal) && t.Contains($": line {lastKept}", StringComparison.Ordinal),
            TimeSpan.FromSeconds(30), "the queued lines and the count of the lost ones");
        var lines = text.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        var notice = Assert.Single(lines, l => l.Contains("not echoed", StringComparison.Ordinal));
        Assert.Equal(lastKept, lines.Count(l => l.Contains(": line ", StringComparison.Ordinal)));
        Assert.Contains($"({total - lastKept} lines not echoed", notice, StringComparison.Ordinal);
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
        private readonly TaskCompletionSource _entered = new(TaskCreationOptions.RunContinuationsAsynchronously);
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

        /// <summary>Completes when the first write has begun (and waits, if the console is stuck).</summary>
        public Task Entered => _entered.Task;

        public void Open() => _open.Set();

        public override void Write(char value) => Write(value.ToString());

        public override void Write(string? value)
        {
            _entered.TrySetResult();
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
