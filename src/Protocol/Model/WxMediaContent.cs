namespace OpenWxCluster.Protocol;

/// <summary>Downloaded media bytes (may be empty: web WeChat sometimes has nothing, e.g. phone-only emoticons).</summary>
public sealed record WxMediaContent(byte[] Data, string? ContentType);
