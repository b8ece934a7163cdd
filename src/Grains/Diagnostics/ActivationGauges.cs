using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace OpenWxCluster.Grains.Diagnostics;

/// <summary>
/// The silo's active accounts and webhook backlogs as the gauges read them at a scrape. Activations register a
/// reader when they activate and remove it when they deactivate; a reader only reads one field of its grain (an
/// enum or a count), which is safe from the scrape's thread, so no grain call is made to observe.
/// </summary>
public sealed class ActivationGauges
{
    private readonly ConcurrentDictionary<string, Func<ClientState>> _accounts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Func<int>> _backlogs = new(StringComparer.Ordinal);

    public void TrackAccount(string key, Func<ClientState> state) => _accounts[key] = state;

    public void ForgetAccount(string key) => _accounts.TryRemove(key, out _);

    public void TrackBacklog(string key, Func<int> backlog) => _backlogs[key] = backlog;

    public void ForgetBacklog(string key) => _backlogs.TryRemove(key, out _);

    internal IEnumerable<Measurement<long>> AccountsByState()
    {
        var counts = new Dictionary<(string Platform, ClientState State), long>();
        foreach (var (key, read) in _accounts)
        {
            var state = read();
            if (!state.IsStarted())
            {
                continue; // activated only to answer "client not exists"
            }
            var slot = (AccountKey.PlatformOf(key), state);
            counts[slot] = counts.GetValueOrDefault(slot) + 1;
        }
        return counts.Select(c => new Measurement<long>(
            c.Value, new("platform", c.Key.Platform), new("state", c.Key.State.ToWire())));
    }

    internal Measurement<long> WebhookBacklog() => new(_backlogs.Values.Sum(read => (long)read()));
}
