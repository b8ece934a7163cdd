namespace OpenWxCluster.QqEmulator.World;

/// <summary>A copy of one membership joined with the user's profile, safe to read outside the lock.</summary>
public sealed record MemberView(
    long GroupId,
    long UserId,
    string Nickname,
    string Sex,
    int Age,
    QqRole Role,
    string Card,
    long JoinTime,
    long LastSentTime,
    long BannedUntil);
