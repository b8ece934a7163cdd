using OpenWxCluster.Grains.Logging;
using OpenWxCluster.Protocol;

namespace OpenWxCluster.Grains.Account;

// get_avatar: the image is fetched from the upstream on each call (Mojo caches nothing either; the HTTP answer carries
// Cache-Control for the client).
public sealed partial class AccountGrain
{
    public async Task<AvatarImage> GetAvatarAsync(string id, string? groupId)
    {
        if (_machine.State != ClientState.Running || _session is not { } session)
        {
            return new AvatarImage(AdminCodes.NotRunning, StatusTexts.NotRunning(_machine.State));
        }
        var chatRoomId = "";
        if (!string.IsNullOrEmpty(groupId))
        {
            var group = (await Groups.GetByIdsAsync([groupId])).FirstOrDefault();
            if (group is null)
            {
                return new AvatarImage(AdminCodes.ObjectNotFound, "group not found");
            }
            if (group.Members.All(m => m.Id != id))
            {
                return new AvatarImage(AdminCodes.ObjectNotFound, $"member id {id} not found");
            }
            chatRoomId = group.EncryChatRoomId;
        }
        else if (id != state.State.User?.Id
            && (await Friends.GetByIdsAsync([id])).Count == 0
            && (await Groups.GetByIdsAsync([id])).Count == 0)
        {
            return new AvatarImage(AdminCodes.ObjectNotFound, "object not found");
        }

        using var timeout = new CancellationTokenSource(_options.AvatarTimeout);
        try
        {
            var image = await mediaDriver.GetContactAvatarAsync(session, id, chatRoomId, timeout.Token);
            return image.Data.Length == 0
                ? new AvatarImage(AvatarImage.Unavailable, "no avatar")
                : new AvatarImage(AdminCodes.Success, "success", image.Data, ContentTypeOf(image));
        }
        catch (Exception e) when (e is WxProtocolException or OperationCanceledException)
        {
            logger.StepFailed(Key, "get_avatar", e.GetType().Name);
            return new AvatarImage(AvatarImage.Unavailable, "no avatar");
        }
    }

    /// <summary>The bytes' own type wins over the upstream's header (web WeChat labels PNGs image/jpeg).</summary>
    private static string ContentTypeOf(WxMediaContent image) =>
        ImageType.Sniff(image.Data) is var sniffed && sniffed != "application/octet-stream"
            ? sniffed
            : image.ContentType ?? "image/jpeg";
}
