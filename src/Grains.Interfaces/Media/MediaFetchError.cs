namespace OpenWxCluster.Contracts;

/// <summary>Why a media_url gave no bytes (the API maps each to an HTTP status).</summary>
[GenerateSerializer, Alias("openwx.MediaFetchError")]
public enum MediaFetchError
{
    None = 0,
    /// <summary>Not an http(s) URL, or the destination policy refuses it.</summary>
    Refused = 1,
    /// <summary>No connection, a timeout, or a non-2xx answer.</summary>
    Unreachable = 2,
    TooLarge = 3,
}
