namespace OpenWxCluster.Emulator.Control;

/// <summary>
/// POST /control/messages: <c>From</c> (a wxid) sends a text to <c>To</c> (a wxid or a group id). When From is the
/// account itself this is a send from its phone: its web session sees FromUserName = self.
/// </summary>
public sealed record ControlMessageRequest(string From, string To, string Content);
