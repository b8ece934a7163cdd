namespace OpenWxCluster.QqProtocol;

/// <summary>Base of every QQ driver error.</summary>
public abstract class QqProtocolException(string message, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>The OneBot action that failed, e.g. <c>send_group_msg</c>.</summary>
    public abstract string Action { get; }
}
