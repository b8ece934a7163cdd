namespace OpenWxCluster.QqEmulator.World;

/// <summary>
/// A message in the world. <see cref="PeerId"/> is the other user of a private chat (from the bot's side: the
/// receiver when the bot sent it, the sender otherwise); <see cref="GroupId"/> is set for group messages and temp sessions,
/// <see cref="DiscussId"/> for discuss messages.
/// </summary>
public sealed record QqMessage(
    int MessageId,
    long SelfId,
    long SenderId,
    string MessageType,
    long PeerId,
    long? GroupId,
    IReadOnlyList<MessageSegment> Message,
    long Time)
{
    public bool Recalled { get; set; }

    public long? DiscussId { get; init; }
}
