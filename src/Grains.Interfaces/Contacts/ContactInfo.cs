namespace OpenWxCluster.Contracts;

/// <summary>
/// A friend, the logged-in user, or a group member, with Mojo-Weixin's field meanings. For group members Mojo puts
/// the WeChat NickName in <c>markname</c> and the in-group card in <c>display</c>, and leaves <c>name</c> empty.
/// For QQ, <c>id</c> and <c>uid</c> are both the QQ number, <c>name</c> the nickname, <c>markname</c> the remark and
/// <c>display</c> a member's group card.
/// </summary>
[GenerateSerializer, Immutable, Alias("openwx.ContactInfo")]
public sealed record ContactInfo
{
    /// <summary>Session UserName (<c>@...</c>); changes at every new login.</summary>
    [Id(0)] public required string Id { get; init; }
    [Id(1)] public string Uid { get; init; } = "";
    [Id(2)] public string Name { get; init; } = "";
    [Id(3)] public string Account { get; init; } = "";
    [Id(4)] public string Province { get; init; } = "";
    [Id(5)] public string City { get; init; } = "";
    [Id(6)] public string Signature { get; init; } = "";
    /// <summary>"", "male" or "female".</summary>
    [Id(7)] public string Sex { get; init; } = "";
    [Id(8)] public string Display { get; init; } = "";
    [Id(9)] public string Markname { get; init; } = "";
    /// <summary>好友, 公众号 or 系统帐号.</summary>
    [Id(10)] public string Category { get; init; } = "";
    /// <summary>QQ group members: owner, admin or attend (Mojo-Webqq's names); empty elsewhere.</summary>
    [Id(11)] public string Role { get; init; } = "";

    /// <summary>Mojo's displayname: display, else markname, else name, else 昵称未知.</summary>
    public string DisplayName =>
        !string.IsNullOrEmpty(Display) ? Display
        : !string.IsNullOrEmpty(Markname) ? Markname
        : !string.IsNullOrEmpty(Name) ? Name
        : "昵称未知";
}
