namespace OpenWxCluster.Contracts;

/// <summary>Mojo-Weixin's codes for the administration routes (set_markname, stick, make_friend, ...).</summary>
public static class AdminCodes
{
    public const int Success = 0;
    /// <summary>Bad or missing parameter; also accept_friend_request's failure code, as in Mojo.</summary>
    public const int Invalid = -1;
    public const int NotRunning = SendCodes.NotRunning;
    public const int ObjectNotFound = SendCodes.ObjectNotFound;
    /// <summary>make_friend refused: the user itself, or already a friend.</summary>
    public const int Refused = 101;
    /// <summary>An empty friend or member list (create_group, invite_friend, kick_group_member).</summary>
    public const int EmptyList = 200;
    /// <summary>The upstream answered Ret ≠ 0 or could not be reached.</summary>
    public const int Failure = 201;
}
