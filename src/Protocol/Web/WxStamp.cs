namespace OpenWxCluster.Protocol.Web;

/// <summary>Time stamps and random ids the web client sends with its requests.</summary>
internal static class WxStamp
{
    public static long NowMs() => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

    /// <summary>
    /// The JS client's <c>r=~new Date</c>: the bitwise complement of the low bits of now as a signed int32.
    /// Bit 31 is masked off first so the value is always negative, which is what servers see from browsers in practice.
    /// </summary>
    public static int NegatedNow() => ~(int)(NowMs() & 0x7FFFFFFF);

    /// <summary>"e" + 15 random digits; regenerated on every call like the web client does.</summary>
    public static string NewDeviceId()
    {
        Span<char> chars = stackalloc char[16];
        chars[0] = 'e';
        for (var i = 1; i < chars.Length; i++)
        {
            chars[i] = (char)('0' + Random.Shared.Next(10));
        }

        return new string(chars);
    }
}
