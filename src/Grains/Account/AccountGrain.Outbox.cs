using OpenWxCluster.Grains.Events;

namespace OpenWxCluster.Grains.Account;

// The account's outbox (see EventOutbox): events saved with the SyncKey that produced them, then delivered.
public sealed partial class AccountGrain
{
    private EventOutbox? _outbox;

    private EventOutbox Outbox => _outbox ??= EventOutbox.ForAccount(
        this, GrainFactory, () => state.State, _writer, _options.OutboxCapacity, logger, () =>
        {
            StopPump();
            DeactivateOnIdle();
        });

    private IWebhookGrain Webhook => GrainFactory.ForKey<IWebhookGrain>(Key);

    private Task FlushEventsAsync() => Outbox.FlushAsync();

    private Task RetryDeliveryAsync() => Outbox.RetryDeliveryAsync();
}
