namespace OpenWxCluster.Contracts;

/// <summary>
/// Mojo's poll_api heartbeat of one account (same key): a GET repeated poll_interval after each completion, on a
/// grain timer; a redirect (at most 7) to this API's own URL makes that call. A reminder resumes it after a silo
/// loss while it is configured.
/// </summary>
[Alias("openwx.IPollApiGrain")]
public interface IPollApiGrain : IGrainWithStringKey
{
    /// <summary>Starts (or changes) the heartbeat; null: the cluster default, if any, else none.</summary>
    [Alias("Configure")]
    Task ConfigureAsync(PollSettings? settings);

    /// <summary>Stops the heartbeat (the account stopped).</summary>
    [Alias("Stop")]
    Task StopAsync();

    /// <summary>Polls made, local calls made through redirects, and the last outcome.</summary>
    [Alias("GetInfo"), ReadOnly, AlwaysInterleave]
    Task<PollInfo> GetInfoAsync();
}
