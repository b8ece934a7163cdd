namespace OpenWxCluster.Emulator.World;

/// <summary>A group chat. Mutable; guarded by <see cref="WorldDirectory"/>'s lock.</summary>
internal sealed class EmuGroup
{
    public required string GroupId { get; init; }
    public string Name { get; set; } = "";
    public string OwnerWxid { get; set; } = "";

    /// <summary>Ordered: the wire MemberList keeps join order.</summary>
    public List<string> Members { get; } = [];

    /// <summary>Saved-to-contacts groups are also listed by webwxgetcontact, not only by init/batch.</summary>
    public bool SavedToContacts { get; set; }
}
