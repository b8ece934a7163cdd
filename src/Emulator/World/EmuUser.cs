namespace OpenWxCluster.Emulator.World;

/// <summary>A person or public account. Mutable; every access goes through <see cref="WorldDirectory"/>'s lock.</summary>
internal sealed class EmuUser
{
    public required string Wxid { get; init; }
    public required long Uin { get; init; }
    public string NickName { get; set; } = "";
    public int Sex { get; set; }
    public string Province { get; set; } = "";
    public string City { get; set; } = "";
    public string Signature { get; set; } = "";
    public string Alias { get; set; } = "";

    /// <summary>8 marks a public account (VerifyFlag on the wire).</summary>
    public int VerifyFlag { get; set; }

    /// <summary>webwxnewloginpage answers ret 1203 for this user.</summary>
    public bool WebLoginRefused { get; set; }

    /// <summary>Friends (and followed public accounts) → the remark this user gave them.</summary>
    public Dictionary<string, string> Friends { get; } = new(StringComparer.Ordinal);

    public HashSet<string> Groups { get; } = new(StringComparer.Ordinal);

    /// <summary>Contacts this user stuck on top (webwxoplog CmdId 3).</summary>
    public HashSet<string> StickOnTop { get; } = new(StringComparer.Ordinal);
}
