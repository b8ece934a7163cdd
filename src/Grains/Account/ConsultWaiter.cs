namespace OpenWxCluster.Grains.Account;

/// <summary>One consult waiting for a friend's next message until <see cref="Deadline"/>; lives only in memory.</summary>
internal sealed class ConsultWaiter(string friendId, DateTimeOffset deadline)
{
    public string FriendId { get; } = friendId;

    public DateTimeOffset Deadline { get; } = deadline;

    public TaskCompletionSource<ChatMessage> Reply { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
