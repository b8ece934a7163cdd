using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using OpenWxCluster.Grains.Events;

namespace OpenWxCluster.Cluster.Tests.Inbox;

/// <summary>What grain storage holds for an inbox, read the way a new activation reads it.</summary>
internal static class SavedInbox
{
    public static async Task<(InboxState State, List<byte[]> Tail)> ReadAsync(IServiceProvider silo, IEventInboxGrain inbox)
    {
        var storage = silo.GetRequiredKeyedService<IGrainStorage>(OrleansNames.Storage);
        var id = ((GrainReference)(object)inbox).GrainId;
        var state = new GrainState<InboxState>(new InboxState());
        await storage.ReadStateAsync("inbox", id, state);
        var tail = new GrainState<InboxTail>(new InboxTail());
        await storage.ReadStateAsync("inbox-tail", id, tail);
        return (state.State ?? new InboxState(), tail.State?.Events ?? []);
    }
}
