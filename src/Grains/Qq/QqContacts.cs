using System.Globalization;
using OpenWxCluster.QqProtocol;

namespace OpenWxCluster.Grains.Qq;

/// <summary>
/// OneBot contacts to the contract's: id and uid are both the QQ (or group) number, as strings. OneBot v11 has no
/// sex or location in its lists, so those stay empty; a friend's category comes from NapCat's extension only.
/// </summary>
internal static class QqContacts
{
    public static string Number(long id) => id.ToString(CultureInfo.InvariantCulture);

    /// <summary>A cached contact's number back as OneBot wants it (ids are always numbers we wrote).</summary>
    public static long Number(string uid) => long.Parse(uid, CultureInfo.InvariantCulture);

    public static ContactInfo Self(QqLoginInfo login) => new()
    {
        Id = Number(login.UserId),
        Uid = Number(login.UserId),
        Account = Number(login.UserId),
        Name = login.Nickname,
    };

    public static ContactInfo Friend(QqFriend f) => new()
    {
        Id = Number(f.UserId),
        Uid = Number(f.UserId),
        Account = Number(f.UserId),
        Name = f.Nickname,
        Markname = f.Remark,
        Category = f.Category,
    };

    public static ContactInfo Member(QqGroupMember m) => new()
    {
        Id = Number(m.UserId),
        Uid = Number(m.UserId),
        Account = Number(m.UserId),
        Name = m.Nickname,
        Display = m.Card,
        Role = Role(m.Role),
    };

    /// <summary>A member known only by number (an event about someone not in the cached list).</summary>
    public static ContactInfo Member(long userId, string nickname = "", string card = "", QqGroupRole role = QqGroupRole.Member) => new()
    {
        Id = Number(userId),
        Uid = Number(userId),
        Account = Number(userId),
        Name = nickname,
        Display = card,
        Role = Role(role),
    };

    public static GroupInfo Group(QqGroup g, IReadOnlyList<QqGroupMember> members) => new()
    {
        Id = Number(g.GroupId),
        Uid = Number(g.GroupId),
        Name = g.GroupName,
        OwnerUid = members.FirstOrDefault(m => m.Role == QqGroupRole.Owner) is { } owner ? Number(owner.UserId) : "",
        Members = [.. members.Select(Member)],
    };

    /// <summary>Mojo-Webqq's member roles: owner, admin, attend.</summary>
    public static string Role(QqGroupRole role) => role switch
    {
        QqGroupRole.Owner => "owner",
        QqGroupRole.Admin => "admin",
        _ => "attend",
    };
}
