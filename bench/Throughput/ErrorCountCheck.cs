namespace OpenWxCluster.Bench.Throughput;

/// <summary>
/// Proves the error column before it is trusted: one second of requests the product must refuse with HTTP 200 and a
/// Mojo code ≠ 0 (a send to an unknown friend, a read of an unknown client) must be counted as errors, every one.
/// </summary>
internal static class ErrorCountCheck
{
    public static async Task<string> RunAsync(WrkRunner wrk, Side product, string client, CancellationToken ct)
    {
        Scenario[] refusals =
        [
            new("refused-send", 1, [$"/openwx/send_friend_message?client={Uri.EscapeDataString(client)}&displayname=nobody&content=bench"], IsSend: true, product, product, null, null),
            new("refused-read", 1, ["/openwx/get_user_info?client=no_such_client"], IsSend: false, product, product, null, null),
        ];
        var counted = new List<string>();
        foreach (var scenario in refusals)
        {
            var sample = await wrk.RunAsync(scenario, product, seconds: 1, ct);
            if (sample.Requests == 0 || sample.Errors != sample.Requests + sample.SocketErrors)
            {
                throw new InvalidOperationException(
                    $"{scenario.Name}: {sample.Errors} errors counted for {sample.Requests} refused requests (Mojo {sample.MojoErrors}, HTTP {sample.StatusErrors}, socket {sample.SocketErrors})");
            }
            counted.Add($"{scenario.Name} {sample.Errors}/{sample.Requests} (Mojo code ≠ 0: {sample.MojoErrors}, HTTP ≥ 400: {sample.StatusErrors})");
        }
        return "error counting checked: " + string.Join("; ", counted);
    }
}
