using System.Text.Json;
using System.Text.Json.Nodes;
using N = OpenWxCluster.WebFront.ReplyJsonNames;

namespace OpenWxCluster.WebFront;

/// <summary>
/// Openqq's user, friend, member and group objects (Mojo-Webqq API document, seed 002), plus the older document's
/// names (seed 003: <c>qq</c> beside <c>uid</c>, <c>gid</c>/<c>gnumber</c> beside a group's <c>id</c>/<c>uid</c>) so
/// clients of either work. For QQ, id and uid are both the QQ (or group) number. Falsy values render as <c>""</c>.
/// Replies are written straight to the response; the trees are for events.
/// </summary>
public static class QqJson
{
    public static JsonObject User(ContactInfo user) => Tree(json => WriteUser(json, user));

    public static JsonObject Friend(ContactInfo friend) => Tree(json => WriteFriend(json, friend));

    public static JsonObject Member(ContactInfo member) => Tree(json => WriteMember(json, member));

    /// <summary>A group as a tree; its <c>role</c> as <see cref="RoleOf"/> finds it.</summary>
    public static JsonObject Group(GroupInfo group, string? selfUid, bool withMembers = true) =>
        Tree(json => WriteGroup(json, group, RoleOf(group, selfUid), withMembers));

    public static MojoStreamedReply UserReply(ContactInfo user) => new(json => WriteUser(json, user));

    public static MojoStreamedReply FriendsReply(IEnumerable<ContactInfo> friends) => MojoStreamedReply.Array(friends, WriteFriend);

    /// <summary>Groups, each with the account's own role found among its members by <paramref name="selfUid"/>.</summary>
    public static MojoStreamedReply GroupsReply(IEnumerable<GroupInfo> groups, string? selfUid, bool withMembers = true) =>
        MojoStreamedReply.Array(groups, (json, g) => WriteGroup(json, g, RoleOf(g, selfUid), withMembers));

    /// <summary>Groups without members, the account's own role in each given by group id.</summary>
    public static MojoStreamedReply GroupsReply(IEnumerable<GroupInfo> groups, IReadOnlyDictionary<string, string> ownRoles) =>
        MojoStreamedReply.Array(groups, (json, g) => WriteGroup(json, g, ownRoles.GetValueOrDefault(g.Id), withMembers: false));

    /// <summary>
    /// The logged-in account. get_user_info answers only while the account is running, hence <c>state</c> online;
    /// OneBot's get_login_info has no client type, mobile, e-mail, birthday or other profile fields, so they are left out.
    /// </summary>
    public static void WriteUser(Utf8JsonWriter json, ContactInfo user)
    {
        json.WriteStartObject();
        WritePerson(json, user);
        Text(json, N.Account, string.IsNullOrEmpty(user.Account) ? user.Uid : user.Account);
        Text(json, N.Signature, user.Signature);
        json.WriteString(N.State, "online");
        json.WriteString(N.ClientType, "");
        json.WriteString(N.DisplayName, user.DisplayName);
        json.WriteEndObject();
    }

    /// <summary>
    /// A friend. OneBot's get_friend_list has no presence, client type, face or VIP fields: <c>state</c> and
    /// <c>client_type</c> stay empty (Perl's falsy rendering), the others are left out.
    /// </summary>
    public static void WriteFriend(Utf8JsonWriter json, ContactInfo friend)
    {
        json.WriteStartObject();
        WritePerson(json, friend);
        Text(json, N.Markname, friend.Markname);
        Text(json, N.Category, friend.Category);
        WriteNoPresence(json, friend);
        json.WriteEndObject();
    }

    /// <summary>A group member: <c>card</c> is the group card, <c>role</c> owner/admin/attend.</summary>
    public static void WriteMember(Utf8JsonWriter json, ContactInfo member)
    {
        json.WriteStartObject();
        WritePerson(json, member);
        Text(json, N.Card, member.Display);
        Text(json, N.Role, member.Role);
        Text(json, N.Province, member.Province);
        Text(json, N.City, member.City);
        WriteNoPresence(json, member);
        json.WriteEndObject();
    }

    /// <summary>
    /// A group; <paramref name="role"/> is the account's own role in it (empty when unknown, e.g. in an event).
    /// OneBot groups have no remark, so <c>markname</c> is empty.
    /// </summary>
    public static void WriteGroup(Utf8JsonWriter json, GroupInfo group, string? role, bool withMembers)
    {
        json.WriteStartObject();
        Text(json, N.Id, group.Id);
        Text(json, N.Gid, group.Id);
        Text(json, N.Uid, group.Uid);
        Text(json, N.Gnumber, group.Uid);
        Text(json, N.Name, group.Name);
        json.WriteString(N.Markname, "");
        Text(json, N.OwnerId, group.OwnerUid);
        Text(json, N.OwnerUid, group.OwnerUid);
        Text(json, N.Role, role);
        json.WriteString(N.DisplayName, group.DisplayName);
        if (withMembers)
        {
            json.WriteStartArray(N.Member);
            foreach (var member in group.Members)
            {
                WriteMember(json, member);
            }
            json.WriteEndArray();
        }
        json.WriteEndObject();
    }

    /// <summary>The account's own role in <paramref name="group"/>, found among its members (null: unknown).</summary>
    public static string? RoleOf(GroupInfo group, string? selfUid) =>
        selfUid is null ? null : group.Members.FirstOrDefault(m => m.Uid == selfUid)?.Role;

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

    private static void WritePerson(Utf8JsonWriter json, ContactInfo c)
    {
        Text(json, N.Id, c.Id);
        Text(json, N.Uid, c.Uid);
        Text(json, N.Qq, c.Uid);
        Text(json, N.Name, c.Name);
        Text(json, N.Sex, c.Sex);
    }

    /// <summary>OneBot has no presence or client type; Perl renders them falsy.</summary>
    private static void WriteNoPresence(Utf8JsonWriter json, ContactInfo c)
    {
        json.WriteString(N.State, "");
        json.WriteString(N.ClientType, "");
        json.WriteString(N.DisplayName, c.DisplayName);
    }

    private static void Text(Utf8JsonWriter json, JsonEncodedText name, string? value) => json.WriteString(name, MojoValues.OrEmpty(value));

    private static JsonObject Tree(Action<Utf8JsonWriter> write) => (JsonObject)MojoJson.ToNode(write)!;
}
