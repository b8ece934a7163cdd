using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OpenWxCluster.Grains.Logging;
using OpenWxCluster.Media;
using OpenWxCluster.Protocol;

namespace OpenWxCluster.Grains.Account;

// Received media: fetched from upstream once while the sync batch is handled and kept in the media store; the event
// carries only the reference (media_path...), never the bytes, so the saved outbox and Orleans messages stay small.
public sealed partial class AccountGrain
{
    private IMediaStore MediaStore => ServiceProvider.GetRequiredService<IMediaStore>();

    /// <summary>
    /// The message with its stored media, or with a <c>media_error</c> marker. A failed download never fails the
    /// batch: that would stop the activation and fetch the same batch again, forever.
    /// </summary>
    private async Task<ChatMessage> WithMediaAsync(WxMessage m, ChatMessage chat, CancellationToken cancellation)
    {
        if (m.Format != "media" || _session is null)
        {
            return chat;
        }
        var maxBytes = ServiceProvider.GetRequiredService<IOptions<MediaStoreOptions>>().Value.MaxMediaBytes;
        var key = new MediaKey(Key, m.Id);
        try
        {
            // Already stored: this batch is a replay (the activation stopped before saving it); no second download.
            if (await MediaStore.FindAsync(key, cancellation) is { } stored)
            {
                return MediaMapper.WithMedia(chat, stored);
            }
            if (long.TryParse(m.MediaSize, NumberStyles.None, CultureInfo.InvariantCulture, out var announced) && announced > maxBytes)
            {
                return MediaMapper.Failed(chat, "too large");
            }
            var content = await DownloadAsync(_session, m, cancellation);
            if (content.Data.Length == 0)
            {
                return MediaMapper.Failed(chat, "empty");
            }
            if (content.Data.Length > maxBytes)
            {
                return MediaMapper.Failed(chat, "too large");
            }
            var mime = MediaMapper.MimeOf(m.MediaType, content.ContentType, content.Data);
            var name = MediaMapper.NameOf(m.Id, m.MediaType == "file" ? m.MediaName : null, mime);
            return MediaMapper.WithMedia(chat, await MediaStore.PutAsync(key, mime, name, content.Data, cancellation));
        }
        catch (Exception e) when (e is not OutOfMemoryException && !cancellation.IsCancellationRequested)
        {
            logger.StepFailed(Key, "media download", e.GetType().Name);
            return MediaMapper.Failed(chat, "download failed");
        }
    }

    private Task<WxMediaContent> DownloadAsync(WxSession session, WxMessage m, CancellationToken cancellation)
    {
        var media = mediaDriver;
        return m.MediaType switch
        {
            "emoticon" => media.GetMessageImageAsync(session, m.Id, big: true, cancellation),
            "voice" => media.GetVoiceAsync(session, m.Id, cancellation),
            "video" or "microvideo" => media.GetVideoAsync(session, m.Id, cancellation),
            // Mojo's media_id of a file is "<MediaId>:6"; webwxgetmedia wants the MediaId and the sender.
            "file" => media.GetFileAsync(session, m.SenderId ?? m.GroupId ?? "", ServerMediaId(m.MediaId), m.MediaName ?? "", cancellation),
            _ => media.GetMessageImageAsync(session, m.Id, big: false, cancellation),
        };
    }
}
