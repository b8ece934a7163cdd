using Microsoft.Extensions.Logging;
using Orleans;

namespace OpenWxCluster.Grains.Hosting;

/// <summary>
/// Wakes started accounts when this silo becomes active (a cluster restart) and whenever a silo is declared dead,
/// so accounts that lived there resume on the survivors within the membership detection time instead of at the
/// next API call or watchdog tick. It only watches membership and makes grain calls; account work stays in grains.
/// After a death one silo sweeps (the active one with the lowest address), not every survivor.
/// </summary>
public sealed partial class AccountRecoveryService(
    IClusterMembershipService membership,
    ILocalSiloDetails localSilo,
    IGrainFactory grains,
    ILogger<AccountRecoveryService> logger) : ILifecycleParticipant<ISiloLifecycle>
{
    private const int Parallelism = 32;
    private readonly CancellationTokenSource _stopping = new();
    private Task _watch = Task.CompletedTask;

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(AccountRecoveryService), ServiceLifecycleStage.Active, OnStartAsync, OnStopAsync);

    private Task OnStartAsync(CancellationToken cancellationToken)
    {
        _watch = WatchAsync(_stopping.Token);
        return Task.CompletedTask;
    }

    private async Task OnStopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        await _watch.WaitAsync(cancellationToken).ContinueWith(static _ => { }, TaskScheduler.Default);
    }

    private async Task WatchAsync(CancellationToken cancellation)
    {
        await Task.Yield();
        // Silos already dead before this one started were handled by whoever saw them die.
        var dead = membership.CurrentSnapshot.Members.Values
            .Where(m => m.Status == SiloStatus.Dead)
            .Select(m => m.SiloAddress)
            .ToHashSet();
        await WakeAllAsync("silo started", cancellation);
        try
        {
            await foreach (var snapshot in membership.MembershipUpdates.WithCancellation(cancellation))
            {
                var newlyDead = snapshot.Members.Values
                    .Where(m => m.Status == SiloStatus.Dead && dead.Add(m.SiloAddress))
                    .ToList();
                if (newlyDead.Count > 0 && IsSweeper(snapshot))
                {
                    await WakeAllAsync("a silo died", cancellation);
                }
            }
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
        }
    }

    private bool IsSweeper(ClusterMembershipSnapshot snapshot) =>
        snapshot.Members.Values
            .Where(m => m.Status == SiloStatus.Active)
            .Select(m => m.SiloAddress)
            .OrderBy(a => a.ToParsableString(), StringComparer.Ordinal)
            .FirstOrDefault() is { } first && first.Equals(localSilo.SiloAddress);

    private async Task WakeAllAsync(string reason, CancellationToken cancellation)
    {
        try
        {
            var keys = new List<string>();
            for (var shard = 0; shard < IAccountRegistryGrain.ShardCount; shard++)
            {
                keys.AddRange(await grains.GetGrain<IAccountRegistryGrain>(shard).ListAsync());
            }
            await Parallel.ForEachAsync(
                keys,
                new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellation },
                async (key, _) => await grains.GetAccount(key).EnsureActiveAsync());
            LogWoken(logger, keys.Count, reason);
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The watchdog reminders still cover the accounts; a failed sweep must not stop the silo.
            LogSweepFailed(logger, e, reason);
        }
    }

    [LoggerMessage(100, LogLevel.Information, "Woke {Count} started accounts ({Reason})")]
    private static partial void LogWoken(ILogger logger, int count, string reason);

    [LoggerMessage(101, LogLevel.Warning, "Waking accounts failed ({Reason})")]
    private static partial void LogSweepFailed(ILogger logger, Exception exception, string reason);
}
