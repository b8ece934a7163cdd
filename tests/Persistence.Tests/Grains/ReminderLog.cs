using System.Collections.Concurrent;

namespace OpenWxCluster.Persistence.Tests.Grains;

/// <summary>Reminder ticks per grain and name, kept outside the grain so they survive deactivation.</summary>
public static class ReminderLog
{
    private static readonly ConcurrentDictionary<string, int> Ticks = new(StringComparer.Ordinal);

    public static void Record(string grainKey, string name) =>
        Ticks.AddOrUpdate(grainKey + "/" + name, 1, (_, n) => n + 1);

    public static int Count(string grainKey, string name) =>
        Ticks.TryGetValue(grainKey + "/" + name, out var n) ? n : 0;
}
