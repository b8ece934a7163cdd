namespace OpenWxCluster.QqProtocol;

/// <summary>
/// The action never produced a usable envelope: connection refused or dropped, timeout, HTTP 5xx, malformed body.
/// For a send the outcome is unknown (the message may have gone out), which is why sends are never retried.
/// </summary>
public sealed class QqTransportException(string action, string message, Exception? inner = null)
    : QqProtocolException($"{action}: {message}", inner)
{
    public override string Action { get; } = action;

    /// <summary>The HTTP status when the failure was an unusable status code; null otherwise.</summary>
    public int? HttpStatus { get; init; }

    /// <summary>Whether repeating the same request may help (connection failures, timeouts, 5xx).</summary>
    public bool Transient { get; init; }
}
