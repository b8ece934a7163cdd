using System.Diagnostics;
using OpenWxCluster.Bench.Shared;
using OpenWxCluster.Emulator.Control;

namespace OpenWxCluster.Bench.Throughput;

/// <summary>
/// Webhook delivery throughput (<c>--webhook 1</c>): its own accounts, logged in with post_api at the bare receiver
/// (messages only), get a fixed number of messages injected at the emulator as fast as its control API takes them; the
/// receiver counts the POSTs. Beside it, in alternating order, wrk posts the body the receiver last got to the same
/// receiver: what a bare HTTP client delivers there.
/// </summary>
internal sealed class WebhookPhase(
    ThroughputOptions options, BenchStack stack, BenchWorld world, EmulatorControlClient control, ProductLogin login, WrkRunner wrk, string scriptDirectory)
{
    /// <summary>No new POST for this long ends a drain: what is still missing is lost.</summary>
    private static readonly TimeSpan DrainStall = TimeSpan.FromSeconds(5);

    private const int InjectParallel = 32;

    public async Task<IReadOnlyList<WebhookSample>> RunAsync(TextWriter output, CancellationToken ct)
    {
        var accounts = Enumerable.Range(1, options.WebhookAccounts).Select(i => new BenchAccount($"thw{i:D5}", $"thw_{i:D5}")).ToList();
        await world.CreateTargetFriendsAsync(accounts, ct);
        var hook = new Uri(stack.Receiver.BaseUri, "hook").ToString();
        await login.LoginAllAsync(accounts, new Dictionary<string, string> { ["post_api"] = hook, ["post_event"] = "0" }, options.LoginParallel, ct);
        using var receiver = new HttpClient { BaseAddress = stack.Receiver.BaseUri, Timeout = TimeSpan.FromSeconds(30) };
        var product = new Side("webhook", stack.Receiver.BaseUri, [.. stack.Product.Processes, .. stack.Receiver.Processes]);

        Log(output, $"webhook: {accounts.Count} accounts post to {hook}; warm-up with {accounts.Count * BenchWorld.TargetCount} messages");
        await DeliverAsync(product, accounts, accounts.Count * BenchWorld.TargetCount, receiver, ct);
        var body = await receiver.GetStringAsync("last", ct);
        var script = WrkScript.WritePost(scriptDirectory, "webhook-ceiling", "/hook", body);
        Log(output, $"webhook ceiling: wrk POSTs the receiver's last body ({body.Length} bytes) with {string.Join(' ', wrk.Arguments(script, stack.Receiver, options.Seconds))}");

        var samples = new List<WebhookSample>();
        for (var round = 1; round <= options.Rounds; round++)
        {
            WebhookSample sample;
            if (round % 2 == 1)
            {
                sample = await DeliverAsync(product, accounts, options.WebhookMessages, receiver, ct) with { Ceiling = await wrk.RunScriptAsync(script, stack.Receiver, options.Seconds, ct) };
            }
            else
            {
                var ceiling = await wrk.RunScriptAsync(script, stack.Receiver, options.Seconds, ct);
                sample = await DeliverAsync(product, accounts, options.WebhookMessages, receiver, ct) with { Ceiling = ceiling };
            }
            samples.Add(sample);
            Log(output, $"round {round} webhook: {sample.Delivered}/{sample.Injected} delivered, {sample.DeliveredPerSecond:F0}/s (injected at {sample.InjectedPerSecond:F0}/s) "
                + $"| bare client {sample.Ceiling.RequestsPerSecond:F0} posts/s | ratio {sample.Ratio:P1}");
        }
        return samples;
    }

    private async Task<WebhookSample> DeliverAsync(Side product, IReadOnlyList<BenchAccount> accounts, int messages, HttpClient receiver, CancellationToken ct)
    {
        var cpuBefore = product.Processes.Select(p => p.Process.CpuTime()).ToList();
        var start = await CountAsync(receiver, ct);
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(
            Enumerable.Range(0, messages),
            new ParallelOptions { MaxDegreeOfParallelism = InjectParallel, CancellationToken = ct },
            async (k, token) => await control.SendMessageAsync(
                BenchWorld.TargetWxid(k / accounts.Count % BenchWorld.TargetCount), accounts[k % accounts.Count].Wxid, "hook", token));
        var injectSeconds = clock.Elapsed.TotalSeconds;
        var delivered = 0L;
        var lastProgress = clock.Elapsed;
        while (delivered < messages && clock.Elapsed - lastProgress < DrainStall)
        {
            await Task.Delay(50, ct);
            var now = await CountAsync(receiver, ct) - start;
            if (now > delivered)
            {
                delivered = now;
                lastProgress = clock.Elapsed;
            }
        }
        await WrkRunner.SettleAsync(product, ct);
        var cpu = product.Processes.Select((p, i) => (p.Label, p.Process.CpuTime() - cpuBefore[i])).ToList();
        var none = new PhaseSample(0, 0, 0, 0, 0, 0, 0, [], 0);
        return new WebhookSample(messages, delivered, injectSeconds, lastProgress.TotalSeconds, cpu, none);
    }

    private static async Task<long> CountAsync(HttpClient receiver, CancellationToken ct) =>
        long.Parse(await receiver.GetStringAsync("count", ct), System.Globalization.CultureInfo.InvariantCulture);

    private static void Log(TextWriter output, string message) => output.WriteLine($"[{DateTime.UtcNow:HH:mm:ss}] {message}");
}
