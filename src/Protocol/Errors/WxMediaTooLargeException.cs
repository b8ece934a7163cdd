namespace OpenWxCluster.Protocol;

/// <summary>An upload larger than web WeChat accepts (20 MB); nothing was sent.</summary>
public sealed class WxMediaTooLargeException(long size, long limit)
    : WxProtocolException($"media size exceed, maximum size is {limit} bytes")
{
    public long Size { get; } = size;
    public long Limit { get; } = limit;
}
