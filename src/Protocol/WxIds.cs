using System.Globalization;
using OpenWxCluster.Protocol.Web;

namespace OpenWxCluster.Protocol;

/// <summary>Ids a caller must create itself so that retries can reuse them.</summary>
public static class WxIds
{
    private static long _last;

    /// <summary>
    /// ClientMsgId / LocalID: ms epoch + 4 random digits (17 digits, like the web client), and never one handed out
    /// before by this process. The server takes a repeated ClientMsgId as a retry and delivers nothing: with random
    /// digits alone, two sends of one account in the same millisecond collided about once in 10,000 pairs, and the
    /// second message was lost while its send was answered with success.
    /// </summary>
    public static string NewClientMsgId()
    {
        var candidate = WxStamp.NowMs() * 10_000 + Random.Shared.Next(10_000);
        long last, next;
        do
        {
            last = Volatile.Read(ref _last);
            next = Math.Max(candidate, last + 1);
        }
        while (Interlocked.CompareExchange(ref _last, next, last) != last);
        return next.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// A ClientMsgId (17 digits, like Mojo's) derived from a key: a send retried after a failure carries the same id,
    /// so the upstream delivers it once.
    /// </summary>
    public static string StableClientMsgId(string key)
    {
        var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key));
        var number = BitConverter.ToUInt64(hash, 0) % 100_000_000_000_000_000UL;
        return number.ToString("D17", CultureInfo.InvariantCulture);
    }
}
