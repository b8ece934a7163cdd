namespace OpenWxCluster.Grains.Qq;

/// <summary>Mojo-Webqq's send codes (QQ:`Plugin/Openqq.pm`, `Message/Base.pm`) where they differ from Openwx's.</summary>
internal static class QqSendCodes
{
    public const int FriendNotFound = 100;
    public const int GroupNotFound = 101;
    public const int DiscussNotFound = 102;
    public const int GroupMemberNotFound = 103;
    public const int DiscussMemberNotFound = 104;

    /// <summary>Mojo-Webqq's -3: the upstream answered with an error (here: a OneBot retcode).</summary>
    public const int ErrorAnswer = -3;
}
