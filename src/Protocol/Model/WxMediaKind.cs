namespace OpenWxCluster.Protocol;

/// <summary>Media kinds with Mojo's media codes (the number after the colon in a media_id).</summary>
public enum WxMediaKind
{
    File = 6,
    Image = 3,
    Voice = 34,
    Video = 43,
    Emoticon = 47,
    MicroVideo = 62,
}
