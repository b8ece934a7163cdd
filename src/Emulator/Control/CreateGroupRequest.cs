namespace OpenWxCluster.Emulator.Control;

/// <summary>POST /control/groups. GroupId must start with <c>grp_</c> or end with <c>@chatroom</c>; generated when null.</summary>
public sealed record CreateGroupRequest
{
    public string? GroupId { get; init; }
    public string Name { get; init; } = "";
    public required string Owner { get; init; }

    /// <summary>Members besides the owner (the owner is always a member).</summary>
    public IReadOnlyList<string> Members { get; init; } = [];

    /// <summary>Also listed by webwxgetcontact (otherwise only init ContactList/ChatSet and batch reveal it).</summary>
    public bool SavedToContacts { get; init; }
}
