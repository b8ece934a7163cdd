namespace OpenWxCluster.Cluster.Tests.Qq;

/// <summary><see cref="QqClusterFixture"/> whose emulator delivers events over the reverse WebSocket.</summary>
public sealed class QqReverseWsFixture : QqClusterFixture
{
    public QqReverseWsFixture()
        : base(reverseWs: true)
    {
    }
}
