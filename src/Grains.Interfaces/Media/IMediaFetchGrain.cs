namespace OpenWxCluster.Contracts;

/// <summary>
/// Fetches a media_url under the webhooks' destination policy, size-capped, off the account grain (a slow server
/// must not hold the account's other calls). Stateless: any key.
/// </summary>
[Alias("openwx.IMediaFetchGrain")]
public interface IMediaFetchGrain : IGrainWithIntegerKey
{
    /// <param name="url">An http or https URL.</param>
    [Alias("Fetch")]
    Task<MediaFetchResult> FetchAsync(string url);
}
