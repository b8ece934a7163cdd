using System.Text.Json;
using System.Text.Json.Nodes;

namespace OpenWxCluster.WebFront;

/// <summary>
/// Friends, the logged-in user and group members as Mojo's <c>to_json_hash</c> renders them: every attribute plus
/// the derived <c>displayname</c> (display, else markname, else name, else 昵称未知).
/// </summary>
public static class ContactJson
{
    /// <summary>A friend: <c>id, uid, name, account, province, city, signature, sex, display, markname, category, displayname</c>.</summary>
    public static JsonObject Friend(ContactInfo friend) => Tree(json => WriteFriend(json, friend));

    /// <summary>The logged-in user; Mojo's user object has no <c>category</c>.</summary>
    public static JsonObject User(ContactInfo user) => Tree(json => WriteUser(json, user));

    /// <summary>
    /// A group member; no <c>category</c>. The grains already put the NickName in markname and the group card in
    /// display (Mojo's member key map), so displayname prefers the card as Mojo does.
    /// </summary>
    public static JsonObject Member(ContactInfo member) => User(member);

    /// <summary>get_friend_info's list, written straight to the response.</summary>
    public static MojoStreamedReply FriendsReply(IEnumerable<ContactInfo> friends) => new(json =>
    {
        json.WriteStartArray();
        foreach (var friend in friends)
        {
            WriteFriend(json, friend);
        }
        json.WriteEndArray();
    });

    public static JsonArray Friends(IEnumerable<ContactInfo> friends) => [.. friends.Select(f => (JsonNode)Friend(f))];

    /// <summary>The one definition of a friend's JSON; the trees above are read back from it.</summary>
    public static void WriteFriend(Utf8JsonWriter json, ContactInfo friend) => WriteContact(json, friend, withCategory: true);

    public static void WriteUser(Utf8JsonWriter json, ContactInfo user) => WriteContact(json, user, withCategory: false);

    private static void WriteContact(Utf8JsonWriter json, ContactInfo c, bool withCategory)
    {
        json.WriteStartObject();
        json.WriteString("id", c.Id);
        json.WriteString("uid", c.Uid);
        json.WriteString("name", c.Name);
        json.WriteString("account", c.Account);
        json.WriteString("province", c.Province);
        json.WriteString("city", c.City);
        json.WriteString("signature", c.Signature);
        // "", "male" or "female" as Mojo's code sets it; the API document's "none" is outdated (the reference wins).
        json.WriteString("sex", c.Sex);
        json.WriteString("display", c.Display);
        json.WriteString("markname", c.Markname);
        if (withCategory)
        {
            json.WriteString("category", c.Category);
        }
        json.WriteString("displayname", c.DisplayName);
        json.WriteEndObject();
    }

    private static JsonObject Tree(Action<Utf8JsonWriter> write) => (JsonObject)MojoJson.ToNode(write)!;
}
