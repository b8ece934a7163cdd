namespace OpenWxCluster.QqEmulator.Control;

/// <summary>POST /control/discusses: a discuss group of existing users (at least two), bots included.</summary>
public sealed record CreateDiscussRequest(long DiscussId, string Name, IReadOnlyList<long>? MemberIds);
