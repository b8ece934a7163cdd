using System.Buffers;
using System.Text;

namespace OpenWxCluster.WebFront;

/// <summary>
/// Watches a urlencoded form body as the form reader pulls it through: its percent-escapes decoded to bytes (other
/// bytes as they are), checked to be UTF-8 on the way. The form reader itself puts U+FFFD in place of bad bytes, so
/// without this a client's mis-encoded text would be sent on silently. Nothing is buffered beyond one character.
/// </summary>
internal sealed class Utf8FormCheck(Stream inner) : Stream
{
    private readonly byte[] _pending = new byte[4];
    private int _pendingLength;
    private int _escape = -1;   // -1: not in an escape; 0: after '%'; 1: after '%' and one hex digit
    private int _escapeHigh;

    /// <summary>False once a byte sequence that is not UTF-8 went by (or the body ended inside a character).</summary>
    public bool Valid { get; private set; } = true;

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await inner.ReadAsync(buffer, cancellationToken);
        Inspect(buffer.Span[..read], atEnd: read == 0);
        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count)
    {
        var read = inner.Read(buffer, offset, count);
        Inspect(buffer.AsSpan(offset, read), atEnd: read == 0);
        return read;
    }

    private void Inspect(ReadOnlySpan<byte> bytes, bool atEnd)
    {
        foreach (var b in bytes)
        {
            if (!Valid)
            {
                return;
            }
            if (_escape == 0)
            {
                _escapeHigh = HexValue(b);
                _escape = _escapeHigh < 0 ? -1 : 1;
                if (_escape < 0)
                {
                    Take((byte)'%');
                    Take(b);
                }
            }
            else if (_escape == 1)
            {
                _escape = -1;
                var low = HexValue(b);
                if (low < 0)
                {
                    Take((byte)'%');
                    Take(b);
                }
                else
                {
                    Take((byte)((_escapeHigh << 4) | low));
                }
            }
            else if (b == '%')
            {
                _escape = 0;
            }
            else
            {
                Take(b);
            }
        }
        if (atEnd && _pendingLength > 0)
        {
            Valid = false;
        }
    }

    /// <summary>One decoded byte: a character completes, waits for more bytes, or is no UTF-8.</summary>
    private void Take(byte b)
    {
        if (_pendingLength == 0 && b < 0x80)
        {
            return;
        }
        _pending[_pendingLength++] = b;
        switch (Rune.DecodeFromUtf8(_pending.AsSpan(0, _pendingLength), out _, out var consumed))
        {
            case OperationStatus.Done when consumed == _pendingLength:
                _pendingLength = 0;
                break;
            case OperationStatus.NeedMoreData when _pendingLength < 4:
                break;
            default:
                Valid = false;
                break;
        }
    }

    private static int HexValue(byte b) => b switch
    {
        >= (byte)'0' and <= (byte)'9' => b - '0',
        >= (byte)'a' and <= (byte)'f' => b - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => b - 'A' + 10,
        _ => -1,
    };

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
