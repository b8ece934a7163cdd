namespace OpenWxCluster.Contracts;

/// <summary>How a QQ account's events reach the cluster.</summary>
[GenerateSerializer]
public enum QqTransport
{
    /// <summary>The implementation POSTs each event to the web front (OneBot "HTTP POST" reporting).</summary>
    HttpPost,

    /// <summary>The implementation connects to the web front as a reverse WebSocket client (Universal).</summary>
    ReverseWebSocket,
}
