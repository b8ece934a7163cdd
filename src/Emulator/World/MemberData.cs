namespace OpenWxCluster.Emulator.World;

/// <summary>A group member as seen inside one group: DisplayName is the in-group card.</summary>
internal sealed record MemberData(string Wxid, string NickName, string DisplayName, long Uin);
