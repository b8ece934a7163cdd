namespace OpenWxCluster.Protocol;

/// <summary>A file to upload with webwxuploadmedia.</summary>
public sealed record WxUpload(ReadOnlyMemory<byte> Data, string FileName, string MimeType)
{
    /// <summary>Sent as lastModifiedDate; defaults to now.</summary>
    public DateTimeOffset? LastModified { get; init; }

    /// <summary>Mojo's rule: image/gif → emoticon, video/mp4|mpeg → video, other image/* → image, else file.</summary>
    public WxMediaKind Kind => MimeType.ToLowerInvariant() switch
    {
        "image/gif" => WxMediaKind.Emoticon,
        "video/mp4" or "video/mpeg" => WxMediaKind.Video,
        var m when m.StartsWith("image/", StringComparison.Ordinal) => WxMediaKind.Image,
        _ => WxMediaKind.File,
    };
}
