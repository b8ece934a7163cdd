namespace OpenWxCluster.QqEmulator.World;

/// <summary>A user the emulator speaks OneBot for. Mutated only under the world's lock.</summary>
public sealed class QqBot(long selfId)
{
    public long SelfId { get; } = selfId;

    public bool Online { get; set; } = true;

    /// <summary>What the bot sent, oldest first, for the control API.</summary>
    public List<QqMessage> Sent { get; } = [];
}
