namespace OpenWxCluster.Emulator.Control;

/// <summary>
/// POST /control/media-messages: <c>From</c> sends an image (3), voice (34), video (43), emoticon (47) or file (49,
/// named <c>FileName</c>) from its phone to <c>To</c>; the bytes (base64) are what webwxgetmsgimg / webwxgetvoice /
/// webwxgetvideo / webwxgetmedia serve to the recipients. <c>PlayLength</c> is in seconds; <c>Mime</c> is what
/// webwxgetmsgimg answers for images and emoticons.
/// </summary>
public sealed record ControlMediaMessageRequest(
    string From, string To, int MsgType, string DataBase64, int PlayLength = 1, string? FileName = null, string? Mime = null);
