namespace OpenWxCluster.Contracts;

/// <summary>
/// Makes a call to this cluster's own HTTP API, through the same endpoint pipeline as any client's call (token
/// check included). The host provides it (the web front knows its address and token); poll_api uses it for a
/// redirect to a local API URL.
/// </summary>
public interface IApiLoopback
{
    /// <summary>GETs <paramref name="pathAndQuery"/> (e.g. <c>/openwx/send_friend_message?...</c>); returns the status code.</summary>
    Task<int> GetAsync(string pathAndQuery, CancellationToken cancellation);
}
