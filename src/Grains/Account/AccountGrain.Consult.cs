using OpenWxCluster.Protocol;

namespace OpenWxCluster.Grains.Account;

// consult: send a text to a friend, then answer with that friend's next message or a timeout. The wait is its own
// interleaving call, so the account keeps serving sends and syncing meanwhile; a message from anyone else does not end
// it (Mojo's consult took the next message of any sender). Waiters live in memory: a silo move ends them in a timeout.
public sealed partial class AccountGrain
{
    private readonly Dictionary<long, ConsultWaiter> _consults = [];
    private long _nextConsult;

    public async Task<ConsultTicket> ConsultAsync(FriendLookup lookup, string? content, TimeSpan timeout, OutgoingMedia? media = null)
    {
        if (Refuse(media is null ? content ?? "" : "media") is { } refusal)
        {
            return new ConsultTicket(refusal, null);
        }
        var friend = await Friends.FindAsync(lookup);
        if (friend is null)
        {
            return new ConsultTicket(new SendReceipt(null, SendCodes.ObjectNotFound, "object not found"), null);
        }
        DropExpiredConsults();
        if (_consults.Count >= _options.MaxConsultWaiters)
        {
            return new ConsultTicket(new SendReceipt(null, SendCodes.Failure, "too many consults waiting, try again later"), null);
        }
        // Registered before the send: a reply that arrives while the send is still answering is kept.
        var id = ++_nextConsult;
        _consults[id] = new ConsultWaiter(friend.Id, DateTimeOffset.UtcNow + timeout);
        SendReceipt receipt;
        if (media is null)
        {
            receipt = await SendTextAsync(friend.Id, content!, friend, group: null);
        }
        else
        {
            var sent = await SendContentAndMediaAsync(friend.Id, content, media, friend, group: null, WxIds.NewClientMsgId(), idempotencyKey: null);
            receipt = new SendReceipt(sent.Id, sent.Code, sent.Status);
        }
        if (receipt.Code != SendCodes.Success)
        {
            _consults.Remove(id);
            return new ConsultTicket(receipt, null);
        }
        return new ConsultTicket(receipt, id);
    }

    public async Task<ConsultReply> AwaitConsultReplyAsync(long waiterId, TimeSpan maxWait)
    {
        if (!_consults.TryGetValue(waiterId, out var waiter))
        {
            return new ConsultReply(Done: true, Reply: null);
        }
        var left = waiter.Deadline - DateTimeOffset.UtcNow;
        var wait = left < maxWait ? left : maxWait;
        if (wait > TimeSpan.Zero)
        {
            try
            {
                await waiter.Reply.Task.WaitAsync(wait);
            }
            catch (TimeoutException)
            {
                // asked again until the deadline
            }
        }
        if (waiter.Reply.Task.IsCompletedSuccessfully)
        {
            _consults.Remove(waiterId);
            return new ConsultReply(Done: true, await waiter.Reply.Task);
        }
        if (DateTimeOffset.UtcNow >= waiter.Deadline)
        {
            _consults.Remove(waiterId);
            return new ConsultReply(Done: true, Reply: null);
        }
        return new ConsultReply(Done: false, Reply: null);
    }

    /// <summary>A friend's message answers every consult waiting for that friend.</summary>
    private void AnswerConsults(ChatMessage message)
    {
        if (_consults.Count == 0 || message is not { Type: "friend_message", Class: "recv", SenderId: { } sender })
        {
            return;
        }
        foreach (var waiter in _consults.Values.Where(w => w.FriendId == sender))
        {
            waiter.Reply.TrySetResult(message);
        }
    }

    /// <summary>Waiters whose caller went away are dropped once their deadline passed.</summary>
    private void DropExpiredConsults()
    {
        var now = DateTimeOffset.UtcNow;
        foreach (var (id, _) in _consults.Where(c => c.Value.Deadline <= now).ToList())
        {
            _consults.Remove(id);
        }
    }
}
