using OpenWxCluster.Emulator.Control;
using OpenWxCluster.Emulator.Sessions;
using OpenWxCluster.Emulator.Wire;

namespace OpenWxCluster.Emulator.World;

/// <summary>Media that only a phone can send on the real service (voice; video recorded on the phone).</summary>
public sealed partial class EmulatorWorld
{
    public ControlMessageResult SendMedia(ControlMediaMessageRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!Directory.UserExists(request.From))
        {
            throw EmulatorControlException.NotFound($"user {request.From}");
        }

        if (!Directory.CanSendTo(request.From, request.To))
        {
            throw EmulatorControlException.BadRequest($"{request.From} is neither a friend of nor a member of {request.To}");
        }

        if (request.MsgType is not (3 or 34 or 43 or 47 or 49))
        {
            throw EmulatorControlException.BadRequest("msgType must be 3 (image), 34 (voice), 43 (video), 47 (emoticon) or 49 (file)");
        }

        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(request.DataBase64);
        }
        catch (FormatException)
        {
            throw EmulatorControlException.BadRequest("dataBase64 is not base64");
        }

        if (request.MsgType is 3 or 47 or 49)
        {
            return SendPictureOrFile(request, bytes);
        }
        var voice = request.MsgType == 34;
        var media = Media.Store(request.From, bytes, voice ? "voice.mp3" : "video.mp4", voice ? "audio/mp3" : "video/mp4");
        var ms = Math.Max(1, request.PlayLength) * 1000;
        var xml = voice
            ? $"<msg><voicemsg endflag=\"1\" length=\"{bytes.Length}\" voicelength=\"{ms}\" clientmsgid=\"\" fromusername=\"{request.From}\" isplaying=\"0\" /></msg>"
            : $"<?xml version=\"1.0\"?>\n<msg><videomsg aeskey=\"\" length=\"{bytes.Length}\" playlength=\"{ms / 1000}\" fromusername=\"{request.From}\" /></msg>";
        var message = new EmuMessage
        {
            MsgId = NewMsgId(), FromId = request.From, ToId = request.To, MsgType = request.MsgType, Content = WireText.Escape(xml),
            CreateTime = Now(), VoiceLength = voice ? ms : 0, PlayLength = voice ? 0 : ms / 1000,
        };
        Media.Link(message.MsgId, media.MediaId, request.MsgType);
        return RoutePhoneMedia(request, message);
    }

    /// <summary>An image or emoticon (served by webwxgetmsgimg) or a file appmsg (served by webwxgetmedia).</summary>
    private ControlMessageResult SendPictureOrFile(ControlMediaMessageRequest request, byte[] bytes)
    {
        var file = request.MsgType == 49;
        var name = request.FileName is { Length: > 0 } f ? f : file ? "file.bin" : "image";
        var media = Media.Store(request.From, bytes, name, request.Mime ?? (file ? "application/octet-stream" : "image/jpeg"));
        var size = bytes.Length.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var xml = request.MsgType switch
        {
            3 => $"<?xml version=\"1.0\"?>\n<msg><img aeskey=\"\" encryver=\"1\" length=\"{size}\" /></msg>",
            47 => $"<msg><emoji fromusername=\"{request.From}\" type=\"2\" len=\"{size}\" /></msg>",
            _ => $"<msg><appmsg appid=\"\" sdkver=\"0\"><title>{WireText.Escape(name)}</title><type>6</type><appattach><totallen>{size}</totallen></appattach></appmsg></msg>",
        };
        var message = new EmuMessage
        {
            MsgId = NewMsgId(), FromId = request.From, ToId = request.To, MsgType = request.MsgType, Content = WireText.Escape(xml),
            CreateTime = Now(), ImgWidth = file ? 0 : 120, ImgHeight = file ? 0 : 120,
            AppMsgType = file ? 6 : 0, FileName = file ? name : "", FileSize = file ? size : "", MediaId = file ? media.MediaId : "",
        };
        Media.Link(message.MsgId, media.MediaId, request.MsgType);
        return RoutePhoneMedia(request, message);
    }

    private ControlMessageResult RoutePhoneMedia(ControlMediaMessageRequest request, EmuMessage message)
    {
        var queuedAt = DateTimeOffset.UtcNow;
        var delivered = Route(message, echoToSender: true);
        RecordSent(request.From, new SentMessageInfo(message.MsgId.ToString(), "", request.To, "", request.MsgType, "", message.CreateTime, "phone"));
        return new ControlMessageResult(message.MsgId.ToString(), message.CreateTime, delivered, queuedAt);
    }

    /// <summary>How many times the media of this message (by MsgId) or this MediaId was downloaded successfully.</summary>
    public int MediaDownloads(string msgIdOrMediaId) => Media.Downloads(msgIdOrMediaId);
}
