namespace OpenWxCluster.QqEmulator.World;

/// <summary>One of a bot's friend groups (QQ's 分组) with the friends in it.</summary>
public sealed record FriendCategory(int CategoryId, string Name, IReadOnlyList<QqUser> Friends);
