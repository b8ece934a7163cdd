namespace OpenWxCluster.Contracts;

/// <summary>What a media message is; the values are Mojo's media codes (the number after the colon of a media_id).</summary>
[GenerateSerializer, Alias("openwx.MediaKind")]
public enum MediaKind
{
    File = 6,
    Image = 3,
    Voice = 34,
    Video = 43,
    Emoticon = 47,
    MicroVideo = 62,
}
