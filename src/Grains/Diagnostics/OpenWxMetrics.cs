using System.Diagnostics.Metrics;

namespace OpenWxCluster.Grains.Diagnostics;

/// <summary>
/// The cluster's own instruments (meter <see cref="MeterName"/>), per silo: Prometheus sums them over the silos.
/// Tags are bounded sets (platform, state, result, cause), never an account key, so 10,000 accounts stay a few series.
/// </summary>
public sealed class OpenWxMetrics
{
    public const string MeterName = "OpenWxCluster";

    private readonly Counter<long> _received;
    private readonly Counter<long> _sent;
    private readonly Histogram<double> _sendDuration;
    private readonly Counter<long> _sendRefused;
    private readonly Counter<long> _deliveries;
    private readonly Histogram<double> _deliveryDuration;
    private readonly Counter<long> _syncErrors;

    public OpenWxMetrics(IMeterFactory meters, ActivationGauges gauges)
    {
        var meter = meters.Create(MeterName);
        Gauges = gauges;
        _received = meter.CreateCounter<long>("openwx.messages.received", "{message}", "Messages received by the accounts (delivered to their inbox).");
        _sent = meter.CreateCounter<long>("openwx.messages.sent", "{message}", "Messages the accounts sent (API sends, replies, broadcasts).");
        _sendDuration = meter.CreateHistogram<double>("openwx.send.duration", "s", "A send from its call to its receipt, queueing in the send lane included.");
        _sendRefused = meter.CreateCounter<long>("openwx.send.refused", "{send}", "Sends refused at once because the account's send lane was full.");
        _deliveries = meter.CreateCounter<long>("openwx.webhook.deliveries", "{post}", "post_api events finished: delivered, or failed (refused or too old).");
        _deliveryDuration = meter.CreateHistogram<double>("openwx.webhook.attempt.duration", "s", "One post_api POST attempt, whatever its outcome.");
        _syncErrors = meter.CreateCounter<long>("openwx.sync.errors", "{error}", "Upstream failures of the accounts' sync loops, by cause.");
        meter.CreateObservableGauge("openwx.accounts", gauges.AccountsByState, "{account}", "Accounts active on this silo, by platform and state.");
        meter.CreateObservableGauge("openwx.webhook.backlog", gauges.WebhookBacklog, "{event}", "post_api events waiting on this silo.");
    }

    /// <summary>Where activations report their state and backlog for the gauges.</summary>
    public ActivationGauges Gauges { get; }

    /// <summary>Counts the messages among events just delivered to an account's inbox (each event once).</summary>
    public void Delivered(IReadOnlyList<AccountEvent> events)
    {
        foreach (var e in events)
        {
            var counter = e.PostType switch
            {
                AccountEvent.ReceiveMessage => _received,
                AccountEvent.SendMessage => _sent,
                _ => null,
            };
            counter?.Add(1, new KeyValuePair<string, object?>("platform", PlatformOf(e.AccountKey)));
        }
    }

    public void SendFinished(string accountKey, TimeSpan duration) =>
        _sendDuration.Record(duration.TotalSeconds, new KeyValuePair<string, object?>("platform", PlatformOf(accountKey)));

    public void SendRefused(string accountKey) =>
        _sendRefused.Add(1, new KeyValuePair<string, object?>("platform", PlatformOf(accountKey)));

    public void DeliveryFinished(bool delivered) =>
        _deliveries.Add(1, new KeyValuePair<string, object?>("result", delivered ? "delivered" : "failed"));

    public void DeliveryAttempt(TimeSpan duration, bool success) =>
        _deliveryDuration.Record(duration.TotalSeconds, new KeyValuePair<string, object?>("result", success ? "success" : "error"));

    /// <summary><paramref name="cause"/> must come from a small fixed set (an offline cause, "protocol", "unexpected").</summary>
    public void SyncError(string accountKey, string cause) =>
        _syncErrors.Add(1, new("platform", PlatformOf(accountKey)), new("cause", cause));

    /// <summary>"wx" or "qq" (the key's prefix), the platform label of every series.</summary>
    private static string PlatformOf(string accountKey) => AccountKey.PlatformOf(accountKey);
}
