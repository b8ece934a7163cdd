using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace OpenWxCluster.WebFront.Tests;

/// <summary>
/// Requests written byte by byte on a loopback socket, for what HttpClient will not do: a Content-Length far above
/// the bytes sent, or a chunked body that never ends. The answer is read up to the end of its JSON body.
/// </summary>
internal sealed class RawHttp : IAsyncDisposable
{
    private readonly TcpClient _tcp = new();
    private NetworkStream? _stream;

    public static async Task<RawHttp> ConnectAsync(Uri address)
    {
        var raw = new RawHttp();
        await raw._tcp.ConnectAsync(address.Host, address.Port);
        raw._stream = raw._tcp.GetStream();
        return raw;
    }

    public Task WriteAsync(string text) => _stream!.WriteAsync(Encoding.ASCII.GetBytes(text)).AsTask();

    /// <summary>One chunk of a chunked body.</summary>
    public Task WriteChunkAsync(int size) => WriteAsync($"{size:x}\r\n{new string('a', size)}\r\n");

    /// <summary>The status code and body of the answer (framed by Content-Length or chunked).</summary>
    public async Task<(int Status, string Body)> ReadAnswerAsync()
    {
        // Only a guard against a hang if the mechanism under test is gone; nothing is asserted about time.
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var received = new List<byte>();
        var buffer = new byte[4096];
        while (true)
        {
            if (Parse(Encoding.UTF8.GetString([.. received])) is { } answer)
            {
                return answer;
            }
            var read = await _stream!.ReadAsync(buffer, guard.Token);
            if (read == 0)
            {
                throw new IOException("the server closed the connection without a complete answer");
            }
            received.AddRange(buffer.AsSpan(0, read));
        }
    }

    private static (int Status, string Body)? Parse(string text)
    {
        var end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        if (end < 0)
        {
            return null;
        }
        var head = text[..end].Split("\r\n");
        var status = int.Parse(head[0].Split(' ')[1], CultureInfo.InvariantCulture);
        var rest = text[(end + 4)..];
        if (head.Any(l => l.Equals("Transfer-Encoding: chunked", StringComparison.OrdinalIgnoreCase)))
        {
            var body = new StringBuilder();
            while (true)
            {
                var line = rest.IndexOf("\r\n", StringComparison.Ordinal);
                if (line < 0)
                {
                    return null;
                }
                var size = int.Parse(rest[..line], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                if (size == 0)
                {
                    return (status, body.ToString());
                }
                if (rest.Length < line + 2 + size + 2)
                {
                    return null;
                }
                body.Append(rest, line + 2, size);
                rest = rest[(line + 2 + size + 2)..];
            }
        }
        var lengthLine = head.FirstOrDefault(l => l.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase));
        var length = lengthLine is null ? 0 : int.Parse(lengthLine["Content-Length:".Length..].Trim(), CultureInfo.InvariantCulture);
        return rest.Length >= length ? (status, rest[..length]) : null;
    }

    public async ValueTask DisposeAsync()
    {
        if (_stream is not null)
        {
            await _stream.DisposeAsync();
        }
        _tcp.Dispose();
    }
}
