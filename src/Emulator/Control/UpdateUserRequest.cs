namespace OpenWxCluster.Emulator.Control;

/// <summary>PATCH /control/users/{wxid}: null fields are left alone. Profile changes reach friends as ModContactList.</summary>
public sealed record UpdateUserRequest
{
    public string? NickName { get; init; }
    public int? Sex { get; init; }
    public string? Province { get; init; }
    public string? City { get; init; }
    public string? Signature { get; init; }
    public string? Alias { get; init; }
    public bool? WebLoginRefused { get; init; }
}
