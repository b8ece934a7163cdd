namespace OpenWxCluster.Emulator.Control;

/// <summary>
/// POST /control/media-messages: <c>From</c> sends a voice (34) or video (43) from its phone to <c>To</c>; the bytes
/// (base64) are what webwxgetvoice / webwxgetvideo serve to the recipients. <c>PlayLength</c> is in seconds.
/// </summary>
public sealed record ControlMediaMessageRequest(string From, string To, int MsgType, string DataBase64, int PlayLength = 1);
