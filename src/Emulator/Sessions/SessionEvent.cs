namespace OpenWxCluster.Emulator.Sessions;

/// <summary>A pending change for one session; Seq is what the SyncKey's key 2 acknowledges.</summary>
internal sealed record SessionEvent(long Seq, SessionEventKind Kind, EmuMessage? Message, string? ContactId);
