namespace OpenWxCluster.Contracts;

/// <summary>Provider and stream names shared by silos and clients.</summary>
public static class OrleansNames
{
    /// <summary>Grain storage for account sessions, contacts and inboxes.</summary>
    public const string Storage = "openwx";

    /// <summary>Storage the memory stream provider needs for its pub-sub table.</summary>
    public const string PubSubStore = "PubSubStore";

    public const string StreamProvider = "openwx-streams";

    /// <summary>Stream namespace of per-account events; the stream key is the account key.</summary>
    public const string AccountEvents = "openwx.account-events";
}
