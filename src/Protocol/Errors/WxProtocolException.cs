namespace OpenWxCluster.Protocol;

/// <summary>Base of every driver error.</summary>
public abstract class WxProtocolException(string message, Exception? inner = null) : Exception(message, inner);
