namespace OpenWxCluster.Bench.EventLatency;

/// <summary>
/// Receives the probes sent to its accounts and reports every text it gets to the <see cref="ArrivalSink"/>, stamped
/// when the text is in its hands. Implementations: <see cref="CheckEventConsumer"/> (the product's check_event) and
/// <see cref="UpstreamCeiling"/> (bare clients of the emulator: the best possible).
/// <para>
/// A post_api webhook receiver belongs here as a third one: a bare Kestrel endpoint on loopback taking the product's
/// POSTs, its accounts logged in by <see cref="Shared.ProductLogin"/> with the start parameter <c>post_api=&lt;its url&gt;</c>
/// (see <c>Program.ProductConsumersAsync</c>); it reports each receive_message content to the sink like
/// <see cref="CheckEventConsumer"/> does.
/// </para>
/// </summary>
public interface ILatencyConsumer : IAsyncDisposable
{
    /// <summary>Shown in the report; also keys the ledgers, so it must be unique.</summary>
    string Name { get; }

    /// <summary>The emulator wxids whose messages this consumer receives (where probes are sent).</summary>
    IReadOnlyList<string> Targets { get; }

    /// <summary>Starts receiving; runs until disposed.</summary>
    void Start(ArrivalSink sink);
}
