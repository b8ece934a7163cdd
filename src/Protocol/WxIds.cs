using OpenWxCluster.Protocol.Web;

namespace OpenWxCluster.Protocol;

/// <summary>Ids a caller must create itself so that retries can reuse them.</summary>
public static class WxIds
{
    /// <summary>ClientMsgId / LocalID: ms epoch + 4 random digits (17 digits, like the web client).</summary>
    public static string NewClientMsgId() => WxStamp.NowMs().ToString(System.Globalization.CultureInfo.InvariantCulture)
        + Random.Shared.Next(10000).ToString("D4", System.Globalization.CultureInfo.InvariantCulture);
}
