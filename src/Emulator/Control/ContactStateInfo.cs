namespace OpenWxCluster.Emulator.Control;

/// <summary>What one user holds about a contact: friendship, the remark it gave (webwxoplog CmdId 2) and stick-on-top (CmdId 3).</summary>
public sealed record ContactStateInfo(bool IsFriend, string RemarkName, bool Stuck);
