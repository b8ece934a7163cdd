namespace OpenWxCluster.Emulator.Control;

/// <summary>PATCH /control/groups/{id}: rename and/or change members; pushed to logged-in members as ModContactList.</summary>
public sealed record UpdateGroupRequest
{
    public string? Name { get; init; }
    public IReadOnlyList<string>? AddMembers { get; init; }
    public IReadOnlyList<string>? RemoveMembers { get; init; }
}
