namespace OpenWxCluster.QqProtocol;

/// <summary>Clients for many OneBot implementations (one per QQ account), sharing one HTTP connection pool.</summary>
public interface IOneBotClientFactory
{
    /// <summary>A client for the implementation at <paramref name="baseUrl"/>; the other options are the host's.</summary>
    IOneBotClient Create(string baseUrl, string accessToken);
}
