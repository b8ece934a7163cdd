namespace OpenWxCluster.Emulator.Control;

/// <summary>POST /control/users. Every field is optional; a wxid is generated when none is given.</summary>
public sealed record CreateUserRequest
{
    public string? Wxid { get; init; }
    public string? NickName { get; init; }
    public int Sex { get; init; }
    public string? Province { get; init; }
    public string? City { get; init; }
    public string? Signature { get; init; }
    public string? Alias { get; init; }

    /// <summary>Creates a public account (VerifyFlag 8).</summary>
    public bool PublicAccount { get; init; }

    public bool WebLoginRefused { get; init; }

    /// <summary>Existing wxids to befriend at once.</summary>
    public IReadOnlyList<string>? Friends { get; init; }

    /// <summary>Number of new friends to generate (<c>&lt;wxid&gt;_f00001</c>...), for big worlds.</summary>
    public int GeneratedFriends { get; init; }
}
