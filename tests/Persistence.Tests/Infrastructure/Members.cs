using System.Net;

namespace OpenWxCluster.Persistence.Tests.Infrastructure;

/// <summary>Membership entries and cluster ids for clustering tests.</summary>
internal static class Members
{
    // Microsecond precision: PostgreSQL keeps microseconds, so a value read back compares equal.
    public static DateTime UtcNowMicros()
    {
        var now = DateTime.UtcNow;
        return new DateTime(now.Ticks - (now.Ticks % 10), DateTimeKind.Utc);
    }

    public static string NewClusterId() => "cluster-" + Guid.NewGuid().ToString("N")[..10];

    public static MembershipEntry Entry(int port, int generation = 1, SiloStatus status = SiloStatus.Joining, int proxyPort = 0)
    {
        var now = UtcNowMicros();
        return new MembershipEntry
        {
            SiloAddress = SiloAddress.New(new IPEndPoint(IPAddress.Loopback, port), generation),
            Status = status,
            ProxyPort = proxyPort,
            HostName = "host-" + port,
            SiloName = "silo-" + port,
            RoleName = "role",
            UpdateZone = 0,
            FaultZone = 0,
            StartTime = now,
            IAmAliveTime = now,
            SuspectTimes = [],
        };
    }
}
