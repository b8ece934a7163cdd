namespace OpenWxCluster.Grains.Options;

/// <summary>QQ accounts over OneBot v11 (config section <c>OpenWx:Qq</c>).</summary>
public sealed class QqOptions
{
    /// <summary>How often the liveness check runs (heartbeat watch, status probe, delivery retries).</summary>
    public TimeSpan LivenessPeriod { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How often the implementation's <c>get_status</c> is asked whether its QQ account is online.</summary>
    public TimeSpan StatusProbePeriod { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Heartbeat intervals without any event before the account counts as offline (heartbeat_lost).</summary>
    public int HeartbeatMisses { get; set; } = 3;

    /// <summary>Per call timeout of the start probe and the status probe.</summary>
    public TimeSpan ProbeTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Pause before loading is tried again after a failure.</summary>
    public TimeSpan LoadRetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Groups whose member lists are read at load; larger accounts get the rest on demand.</summary>
    public int MaxGroupsWithMembers { get; set; } = 500;

    /// <summary>Message ids remembered to drop an event the implementation sends twice (and echoes of own sends).</summary>
    public int RecentMessageIds { get; set; } = 2_000;

    /// <summary>Discuss groups learned from messages and kept with the account (the least recently active go first).</summary>
    public int MaxDiscusses { get; set; } = 200;

    /// <summary>Members kept per learned discuss group (the least recently heard go first).</summary>
    public int MaxDiscussMembers { get; set; } = 100;

    /// <summary>Events kept while the inbox is unreachable (the oldest are dropped first, counted).</summary>
    public int OutboxCapacity { get; set; } = 1_000;
}
