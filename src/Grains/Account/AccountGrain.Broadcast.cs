using OpenWxCluster.Grains.Common;
using OpenWxCluster.Protocol;

namespace OpenWxCluster.Grains.Account;

// id=@all: a broadcast is saved, then sent friend by friend from an interleaving grain timer through the send lane at
// the broadcast pace, so the API keeps answering and single sends take their turn between the broadcast's messages.
public sealed partial class AccountGrain
{
    private static readonly TimeSpan BroadcastRetry = TimeSpan.FromSeconds(1);
    private readonly GrainLoop _broadcastLoop = new();

    public async Task<SendReceipt> BroadcastAsync(string? content, OutgoingMedia? media = null)
    {
        if (Refuse(media is null ? content ?? "" : "media") is { } refusal)
        {
            return refusal;
        }
        var jobs = state.State.Sends.Broadcasts;
        if (jobs.Count >= _sendOptions.MaxBroadcasts)
        {
            return new SendReceipt(null, SendCodes.QueueFull, $"{jobs.Count} broadcasts in progress, try again later");
        }
        // Public and system accounts are friends in Mojo's list too; a broadcast is for people.
        var friends = (await Friends.GetAllAsync()).Where(f => f.Category == "好友").Select(f => f.Id).ToList();
        if (media?.Upload is { } upload)
        {
            // Uploaded once; every friend then gets it by media_id.
            var uploaded = await UploadAsync(upload, UploadTarget);
            if (uploaded.Media is not { } item)
            {
                return new SendReceipt(null, uploaded.Code, uploaded.Status);
            }
            media = new OutgoingMedia(null, item.MediaId, media.Kind, media.Name);
        }
        jobs.Add(new Broadcast { Id = Guid.NewGuid().ToString("N"), Content = content ?? "", Remaining = friends, Media = media });
        await FlushEventsAsync();
        ResumeBroadcasts();
        // Mojo answers before sending anything: {"id":0,"code":0,"status":"request already executed"}.
        return new SendReceipt("0", SendCodes.Success, "request already executed");
    }

    private void ResumeBroadcasts()
    {
        if (state.State.Sends.Broadcasts.Count > 0)
        {
            _broadcastLoop.Start(this, BroadcastTickAsync, BroadcastRetry);
        }
    }

    /// <summary>
    /// Sends until every broadcast is done; returns early (and the timer tries again) while the account is not
    /// running or its send queue is full. A stopped account drops its broadcasts: its friend ids die with the session.
    /// </summary>
    private async Task BroadcastTickAsync(CancellationToken cancellation)
    {
        var jobs = state.State.Sends.Broadcasts;
        if (_machine.State == ClientState.Stop)
        {
            jobs.Clear();
        }
        while (jobs.Count > 0 && !cancellation.IsCancellationRequested)
        {
            if (_machine.State != ClientState.Running || _session is null)
            {
                return;
            }
            var job = jobs[0];
            if (job.Remaining.Count == 0)
            {
                jobs.RemoveAt(0);
                continue;
            }
            var friendId = job.Remaining[0];
            var friend = (await Friends.GetByIdsAsync([friendId])).FirstOrDefault();
            var receipt = friend is null
                ? new SendReceipt(null, SendCodes.ObjectNotFound, "object not found")
                : await SendBroadcastOneAsync(job, friend);
            if (receipt.Code is SendCodes.QueueFull or SendCodes.NotRunning)
            {
                return;
            }
            // Removed after the send's own state write: a silo loss in between sends this friend's message again,
            // with the same ClientMsgId, which the upstream delivers once.
            job.Remaining.RemoveAt(0);
            if (receipt.Code == SendCodes.Success)
            {
                job.Sent++;
            }
            else
            {
                job.Failed++;
            }
        }
        await FlushEventsAsync();
        if (jobs.Count == 0)
        {
            _broadcastLoop.StopIfCurrent(cancellation);
        }
    }

    /// <summary>One friend's share: the text, then the media; each with a ClientMsgId derived from the broadcast.</summary>
    private async Task<SendReceipt> SendBroadcastOneAsync(Broadcast job, ContactInfo friend)
    {
        var key = $"broadcast:{job.Id}:{friend.Id}";
        var text = job.Content.Length == 0
            ? null
            : await SendTextAsync(friend.Id, job.Content, friend, group: null, WxIds.StableClientMsgId(key), broadcast: true);
        if (job.Media is not { } media || text is { Code: not SendCodes.Success })
        {
            return text!;
        }
        var sent = await SendMediaAsync(friend.Id, media, friend, group: null, WxIds.StableClientMsgId(key + ":media"), idempotencyKey: null, broadcast: true);
        return new SendReceipt(sent.Id, sent.Code, sent.Status);
    }
}
