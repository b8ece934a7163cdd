namespace OpenWxCluster.Grains.Events;

/// <summary>The part of an account's persisted state the <see cref="EventOutbox"/> keeps its events in.</summary>
public interface IOutboxState
{
    /// <summary>Events saved but not yet delivered to the inbox, oldest first.</summary>
    List<AccountEvent> Outbox { get; }

    /// <summary>Sequence number of the next event (per account, never reused).</summary>
    long NextEventSeq { get; set; }

    /// <summary>
    /// Sequence numbers below this one may be handed out without a state write (see
    /// <see cref="EventOutbox.FlushDeliveringFirstAsync"/>); an activation resumes from here, so an event delivered
    /// but never saved in the account's state can never have its number used again.
    /// </summary>
    long SeqReserved { get; set; }

    /// <summary>Events dropped from a full outbox over the account's life.</summary>
    long OutboxDropped { get; set; }

    /// <summary>Events also go to the account's post_api delivery grain.</summary>
    bool WebhookOn { get; }
}
