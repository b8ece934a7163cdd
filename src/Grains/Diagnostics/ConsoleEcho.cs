using System.Globalization;
using System.Text;
using System.Threading.Channels;
using Microsoft.Extensions.Options;
using OpenWxCluster.Grains.Options;
using QRCoder;

namespace OpenWxCluster.Grains.Diagnostics;

/// <summary>
/// Prints messages and login QRs on the silo's console when <see cref="ConsoleEchoOptions"/> asks for it. A delivery
/// only queues its line: one writer task writes what is queued in one piece, so a busy silo makes one console write
/// per batch instead of one synchronous, flushed write per message under a lock (3.4 % of a send's CPU in the
/// throughput bench's profile). The queue is bounded; lines beyond it are counted and the count is printed instead.
/// Nothing here throws into a grain.
/// </summary>
public sealed class ConsoleEcho(IOptions<ConsoleEchoOptions> options, TimeProvider time) : IDisposable
{
    /// <summary>Lines waiting for the console at most; a console that cannot keep up loses lines, not memory.</summary>
    public const int QueueCapacity = 10_000;

    private readonly ConsoleEchoOptions _options = options.Value;
    private readonly Lock _gate = new();
    // Wait mode: TryWrite answers false when full (DropWrite would answer true and drop silently, uncounted).
    private readonly Channel<string> _lines = Channel.CreateBounded<string>(
        new BoundedChannelOptions(QueueCapacity) { FullMode = BoundedChannelFullMode.Wait, SingleReader = true });
    private Task? _writer;
    private long _dropped;

    /// <summary>Where lines go (the process's standard output unless a host says otherwise).</summary>
    public TextWriter Output { get; set; } = Console.Out;

    /// <summary>Echoes the messages among events just delivered (each event once).</summary>
    public void Delivered(IReadOnlyList<AccountEvent> events)
    {
        if (!_options.ShowMessages)
        {
            return;
        }
        foreach (var e in events)
        {
            if (e.Message is { } m && e.PostType is AccountEvent.ReceiveMessage or AccountEvent.SendMessage)
            {
                Write(Line(e.AccountKey, m, e.PostType == AccountEvent.ReceiveMessage));
            }
        }
    }

    /// <summary>Draws the QR an account waits on, with how to get it another way.</summary>
    public void QrCode(string accountKey, string payload)
    {
        if (!_options.ShowQrCode)
        {
            return;
        }
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(payload, QRCodeGenerator.ECCLevel.L);
        var art = new AsciiQRCode(data).GetGraphicSmall();
        var client = AccountKey.ClientOf(accountKey);
        Write($"{Stamp()} {accountKey}: scan this QR code with WeChat (or GET /openwx/get_qrcode?client={client}){Environment.NewLine}{art}");
    }

    private string Line(string accountKey, ChatMessage m, bool received)
    {
        var who = received ? m.Sender ?? m.SenderName ?? "?" : "me";
        var to = m.Group is { Length: > 0 } group ? $" @ {group}" : received ? "" : $" → {m.Receiver ?? m.ReceiverName ?? "?"}";
        var text = Flatten(m.Content);
        var line = $"{Stamp()} {accountKey} {(received ? "←" : "→")} {who}{to}: {text}";
        return line.Length <= _options.MaxLineLength ? line : string.Concat(line.AsSpan(0, _options.MaxLineLength), "…");
    }

    private static string Flatten(string text)
    {
        var flat = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            flat.Append(char.IsControl(c) ? ' ' : c); // one line each, and no terminal escape sequences
        }
        return flat.ToString();
    }

    private string Stamp() => time.GetLocalNow().ToString("HH:mm:ss", CultureInfo.InvariantCulture);

    private void Write(string text)
    {
        if (!_lines.Writer.TryWrite(text))
        {
            Interlocked.Increment(ref _dropped);
            return;
        }
        if (_writer is null)
        {
            lock (_gate)
            {
                _writer ??= Task.Run(WriteQueuedAsync);
            }
        }
    }

    private async Task WriteQueuedAsync()
    {
        var batch = new StringBuilder();
        while (await _lines.Reader.WaitToReadAsync())
        {
            // Again while lines were lost meanwhile, so their count is printed even if no line follows.
            do
            {
                WriteBatch(batch);
            }
            while (Interlocked.Read(ref _dropped) > 0);
        }
    }

    /// <summary>What is queued (up to 64 KB) and the count of lost lines, in one console write.</summary>
    private void WriteBatch(StringBuilder batch)
    {
        batch.Clear();
        while (batch.Length < 64 * 1024 && _lines.Reader.TryRead(out var line))
        {
            batch.AppendLine(line);
        }
        if (Interlocked.Exchange(ref _dropped, 0) is > 0 and var dropped)
        {
            batch.Append(Stamp()).Append(" (").Append(dropped).AppendLine(" lines not echoed: the console was behind)");
        }
        try
        {
            Output.Write(batch.ToString());
            Output.Flush();
        }
        catch (IOException)
        {
            // A closed console must not stop the echo or fail a delivery.
        }
    }

    /// <summary>Writes what is still queued (briefly) when the silo stops.</summary>
    public void Dispose()
    {
        _lines.Writer.TryComplete();
        _writer?.Wait(TimeSpan.FromSeconds(2));
    }
}
