namespace OpenWxCluster.QqEmulator.World;

/// <summary>A user's membership of a group. Mutated only under the world's lock.</summary>
public sealed class QqMember(long userId, QqRole role, long joinTime)
{
    public long UserId { get; } = userId;

    public QqRole Role { get; set; } = role;

    public string Card { get; set; } = "";

    public long JoinTime { get; } = joinTime;

    public long LastSentTime { get; set; }

    /// <summary>Unix seconds the ban ends; 0 or past means not banned.</summary>
    public long BannedUntil { get; set; }
}
