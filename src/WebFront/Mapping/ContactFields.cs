
namespace OpenWxCluster.WebFront;

/// <summary>
/// The attribute names search_friend / search_group accept (Mojo calls the same-named accessor; a name that is
/// no accessor makes Mojo die with a 500, here it is refused with a clear error).
/// </summary>
public static class ContactFields
{
    public static readonly IReadOnlyList<string> FriendKeys =
        ["id", "uid", "name", "account", "province", "city", "signature", "sex", "display", "markname", "category", "displayname"];

    public static readonly IReadOnlyList<string> GroupKeys = ["id", "uid", "name", "owner_uid", "displayname"];

    public static string? FriendValue(ContactInfo friend, string key) => key switch
    {
        "id" => friend.Id,
        "uid" => friend.Uid,
        "name" => friend.Name,
        "account" => friend.Account,
        "province" => friend.Province,
        "city" => friend.City,
        "signature" => friend.Signature,
        "sex" => friend.Sex,
        "display" => friend.Display,
        "markname" => friend.Markname,
        "category" => friend.Category,
        "displayname" => friend.DisplayName,
        _ => null,
    };

    public static string? GroupValue(GroupInfo group, string key) => key switch
    {
        "id" => group.Id,
        "uid" => group.Uid,
        "name" => group.Name,
        "owner_uid" => group.OwnerUid,
        "displayname" => group.DisplayName,
        _ => null,
    };
}
