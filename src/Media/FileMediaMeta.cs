namespace OpenWxCluster.Media;

/// <summary>The description saved next to a media's bytes by <see cref="FileMediaStore"/> (written last: it commits the put).</summary>
internal sealed record FileMediaMeta(string Account, string MsgId, string Mime, string Name, long Size, string File);
