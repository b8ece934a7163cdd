namespace OpenWxCluster.Protocol;

/// <summary>The request never produced a usable answer: connection failure, timeout, HTTP 5xx, malformed or truncated body.</summary>
public sealed class WxTransportException(string operation, string message, Exception? inner = null)
    : WxProtocolException($"{operation}: {message}", inner)
{
    public string Operation { get; } = operation;

    /// <summary>The HTTP status when the failure was an unusable status code; null otherwise.</summary>
    public int? HttpStatus { get; init; }
}
