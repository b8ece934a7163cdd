namespace OpenWxCluster.Protocol.Web;

/// <summary>Selects <see cref="WebWxOptions.RequestTimeout"/>, <see cref="WebWxOptions.LongPollTimeout"/> or <see cref="WebWxOptions.MediaTimeout"/>.</summary>
internal enum WxTimeoutKind
{
    Request,
    LongPoll,
    Media,
}
