using System.Text.Json.Nodes;

namespace OpenWxCluster.WebFront;

/// <summary>
/// Friends, the logged-in user and group members as Mojo's <c>to_json_hash</c> renders them: every attribute plus
/// the derived <c>displayname</c> (display, else markname, else name, else 昵称未知).
/// </summary>
public static class ContactJson
{
    /// <summary>A friend: <c>id, uid, name, account, province, city, signature, sex, display, markname, category, displayname</c>.</summary>
    public static JsonObject Friend(ContactInfo friend)
    {
        var json = Common(friend);
        json.Add("category", friend.Category);
        json.Add("displayname", friend.DisplayName);
        return json;
    }

    /// <summary>The logged-in user; Mojo's user object has no <c>category</c>.</summary>
    public static JsonObject User(ContactInfo user)
    {
        var json = Common(user);
        json.Add("displayname", user.DisplayName);
        return json;
    }

    /// <summary>
    /// A group member; no <c>category</c>. The grains already put the NickName in markname and the group card in
    /// display (Mojo's member key map), so displayname prefers the card as Mojo does.
    /// </summary>
    public static JsonObject Member(ContactInfo member) => User(member);

    public static JsonArray Friends(IEnumerable<ContactInfo> friends) => [.. friends.Select(f => (JsonNode)Friend(f))];

    private static JsonObject Common(ContactInfo c) => new()
    {
        ["id"] = c.Id,
        ["uid"] = c.Uid,
        ["name"] = c.Name,
        ["account"] = c.Account,
        ["province"] = c.Province,
        ["city"] = c.City,
        ["signature"] = c.Signature,
        // "", "male" or "female" as Mojo's code sets it; the API document's "none" is outdated (the reference wins).
        ["sex"] = c.Sex,
        ["display"] = c.Display,
        ["markname"] = c.Markname,
    };
}
