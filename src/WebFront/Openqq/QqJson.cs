using System.Text.Json.Nodes;

namespace OpenWxCluster.WebFront;

/// <summary>
/// Openqq's user, friend, member and group objects (Mojo-Webqq API document, seed 002), plus the older document's
/// names (seed 003: <c>qq</c> beside <c>uid</c>, <c>gid</c>/<c>gnumber</c> beside a group's <c>id</c>/<c>uid</c>) so
/// clients of either work. For QQ, id and uid are both the QQ (or group) number. Falsy values render as <c>""</c>.
/// </summary>
public static class QqJson
{
    /// <summary>
    /// The logged-in account. get_user_info answers only while the account is running, hence <c>state</c> online;
    /// OneBot's get_login_info has no client type, mobile, e-mail, birthday or other profile fields, so they are left out.
    /// </summary>
    public static JsonObject User(ContactInfo user)
    {
        var json = Person(user);
        json["account"] = MojoValues.OrEmpty(string.IsNullOrEmpty(user.Account) ? user.Uid : user.Account);
        json["signature"] = MojoValues.OrEmpty(user.Signature);
        json["state"] = "online";
        json["client_type"] = "";
        json["displayname"] = user.DisplayName;
        return json;
    }

    /// <summary>
    /// A friend. OneBot's get_friend_list has no presence, client type, face or VIP fields: <c>state</c> and
    /// <c>client_type</c> stay empty (Perl's falsy rendering), the others are left out.
    /// </summary>
    public static JsonObject Friend(ContactInfo friend)
    {
        var json = Person(friend);
        json["markname"] = MojoValues.OrEmpty(friend.Markname);
        json["category"] = MojoValues.OrEmpty(friend.Category);
        json["state"] = "";
        json["client_type"] = "";
        json["displayname"] = friend.DisplayName;
        return json;
    }

    /// <summary>A group member: <c>card</c> is the group card, <c>role</c> owner/admin/attend.</summary>
    public static JsonObject Member(ContactInfo member)
    {
        var json = Person(member);
        json["card"] = MojoValues.OrEmpty(member.Display);
        json["role"] = MojoValues.OrEmpty(member.Role);
        json["province"] = MojoValues.OrEmpty(member.Province);
        json["city"] = MojoValues.OrEmpty(member.City);
        json["state"] = "";
        json["client_type"] = "";
        json["displayname"] = member.DisplayName;
        return json;
    }

    /// <summary>
    /// A group. <c>role</c> is the account's own role in it, found among the members by <paramref name="selfUid"/>
    /// (empty when unknown, e.g. in an event). OneBot groups have no remark, so <c>markname</c> is empty.
    /// </summary>
    public static JsonObject Group(GroupInfo group, string? selfUid, bool withMembers = true)
    {
        var json = new JsonObject
        {
            ["id"] = MojoValues.OrEmpty(group.Id),
            ["gid"] = MojoValues.OrEmpty(group.Id),
            ["uid"] = MojoValues.OrEmpty(group.Uid),
            ["gnumber"] = MojoValues.OrEmpty(group.Uid),
            ["name"] = MojoValues.OrEmpty(group.Name),
            ["markname"] = "",
            ["owner_id"] = MojoValues.OrEmpty(group.OwnerUid),
            ["owner_uid"] = MojoValues.OrEmpty(group.OwnerUid),
            ["role"] = MojoValues.OrEmpty(selfUid is null ? null : group.Members.FirstOrDefault(m => m.Uid == selfUid)?.Role),
            ["displayname"] = group.DisplayName,
        };
        if (withMembers)
        {
            json["member"] = new JsonArray([.. group.Members.Select(m => (JsonNode)Member(m))]);
        }
        return json;
    }

    public static JsonArray Friends(IEnumerable<ContactInfo> friends) => [.. friends.Select(f => (JsonNode)Friend(f))];

    public static JsonArray Groups(IEnumerable<GroupInfo> groups, string? selfUid, bool withMembers = true) =>
        [.. groups.Select(g => (JsonNode)Group(g, selfUid, withMembers))];

    /// <summary>Groups without members, the account's own role in each given by group id.</summary>
    public static JsonArray Groups(IEnumerable<GroupInfo> groups, IReadOnlyDictionary<string, string> ownRoles) =>
        [.. groups.Select(g =>
        {
            var json = Group(g, selfUid: null, withMembers: false);
            json["role"] = MojoValues.OrEmpty(ownRoles.GetValueOrDefault(g.Id));
            return (JsonNode)json;
        })];

    /// <summary>An event parameter: a string, a number, a friend or member, or a group.</summary>
    public static JsonNode? Param(EventParam param) => param switch
    {
        { Contact: { } member, IsMember: true } => Member(member),
        { Contact: { } contact } => Friend(contact),
        { Group: { } group } => Group(group, selfUid: null),
        { Number: { } number } => JsonValue.Create(number),
        { Text: { } text } => JsonValue.Create(text),
        _ => null,
    };

    private static JsonObject Person(ContactInfo c) => new()
    {
        ["id"] = MojoValues.OrEmpty(c.Id),
        ["uid"] = MojoValues.OrEmpty(c.Uid),
        ["qq"] = MojoValues.OrEmpty(c.Uid),
        ["name"] = MojoValues.OrEmpty(c.Name),
        ["sex"] = MojoValues.OrEmpty(c.Sex),
    };
}
