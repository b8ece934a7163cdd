using System.Globalization;
using System.Text;
using Microsoft.Extensions.Options;
using OpenWxCluster.Grains.Options;
using QRCoder;

namespace OpenWxCluster.Grains.Diagnostics;

/// <summary>
/// Prints messages and login QRs on the silo's console when <see cref="ConsoleEchoOptions"/> asks for it. Writes
/// are whole lines under one lock so accounts' lines do not interleave; nothing here throws into a grain.
/// </summary>
public sealed class ConsoleEcho(IOptions<ConsoleEchoOptions> options, TimeProvider time)
{
    private readonly ConsoleEchoOptions _options = options.Value;
    private readonly Lock _gate = new();

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
        try
        {
            lock (_gate)
            {
                Output.WriteLine(text);
            }
        }
        catch (IOException)
        {
            // A closed console must not fail a delivery.
        }
    }
}
