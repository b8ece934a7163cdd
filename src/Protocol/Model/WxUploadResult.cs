namespace OpenWxCluster.Protocol;

/// <summary>An uploaded file: the server MediaId and the kind it should be sent as.</summary>
public sealed record WxUploadResult(string MediaId, WxMediaKind Kind, long Size)
{
    /// <summary>Mojo's media_id: <c>&lt;MediaId&gt;:&lt;code&gt;</c>.</summary>
    public string MojoMediaId => $"{MediaId}:{(int)Kind}";
}
