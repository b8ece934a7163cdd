namespace OpenWxCluster.Emulator.Control;

/// <summary>The server MsgId and the wxids whose live web sessions received the message.</summary>
public sealed record ControlMessageResult(string MsgId, long CreateTime, IReadOnlyList<string> DeliveredTo);
