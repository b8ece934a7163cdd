namespace OpenWxCluster.Protocol;

/// <summary>webwxsendmsg answer. The Mojo message id is <c>MsgID:ToUserName</c>.</summary>
public sealed record WxSendResult(string MsgId, string LocalId, string ToUserName)
{
    public string MojoId => $"{MsgId}:{ToUserName}";
}
