namespace OpenWxCluster.Bench.Throughput;

/// <summary>
/// One webhook round: the product's delivery (messages injected at the emulator, POSTs counted at the receiver) and a
/// bare client (wrk) posting the same body to the same receiver. Delivered/s runs from the first injection to the
/// last delivery counted; Lost is what was injected but never arrived before the drain gave up.
/// </summary>
internal sealed record WebhookSample(
    long Injected,
    long Delivered,
    double InjectSeconds,
    double DeliverSeconds,
    IReadOnlyList<(string Label, TimeSpan Cpu)> Cpu,
    PhaseSample Ceiling)
{
    public double DeliveredPerSecond => DeliverSeconds > 0 ? Delivered / DeliverSeconds : 0;

    public double InjectedPerSecond => InjectSeconds > 0 ? Injected / InjectSeconds : 0;

    public long Lost => Math.Max(0, Injected - Delivered);

    public double Ratio => Ceiling.RequestsPerSecond > 0 ? DeliveredPerSecond / Ceiling.RequestsPerSecond : 0;

    public double CpuPerMessageUs(string label) =>
        Delivered > 0 ? Cpu.First(c => c.Label == label).Cpu.TotalMicroseconds / Delivered : 0;
}
