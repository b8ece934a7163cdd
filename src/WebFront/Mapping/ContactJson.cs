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

    /// <summary>
    /// get_friend_info's list, written straight to the response; a snapshot served again (the same object, in-silo)
    /// as one cached block.
    /// </summary>
    public static MojoStreamedReply FriendsReply(IEnumerable<ContactInfo> friends) => new(json =>
    {
        if (friends is ContactSnapshot<ContactInfo> snapshot && EncodedFriends.SeenBefore(snapshot))
        {
            json.WriteRawValue(EncodedFriends.ListOf(snapshot), skipInputValidation: true);
            return;
        }
        json.WriteStartArray();
        foreach (var friend in friends)
        {
            WriteFriend(json, friend);
        }
        json.WriteEndArray();
    });

    /// <summary>A friend's JSON (encoded once per contact object, <see cref="EncodedFriends"/>); the trees above are read back from it.</summary>
    public static void WriteFriend(Utf8JsonWriter json, ContactInfo friend) =>
        json.WriteRawValue(EncodedFriends.Of(friend), skipInputValidation: true);

    public static void WriteUser(Utf8JsonWriter json, ContactInfo user) => WriteContact(json, user, withCategory: false);

    /// <summary>The one definition of a contact's JSON.</summary>
    internal static void WriteContact(Utf8JsonWriter json, ContactInfo c, bool withCategory)
    {
        json.WriteStartObject();
        json.WriteString(ReplyJsonNames.Id, c.Id);
        json.WriteString(ReplyJsonNames.Uid, c.Uid);
        json.WriteString(ReplyJsonNames.Name, c.Name);
        json.WriteString(ReplyJsonNames.Account, c.Account);
        json.WriteString(ReplyJsonNames.Province, c.Province);
        json.WriteString(ReplyJsonNames.City, c.City);
        json.WriteString(ReplyJsonNames.Signature, c.Signature);
        // "", "male" or "female" as Mojo's code sets it; the API document's "none" is outdated (the reference wins).
        json.WriteString(ReplyJsonNames.Sex, c.Sex);
        json.WriteString(ReplyJsonNames.Display, c.Display);
        json.WriteString(ReplyJsonNames.Markname, c.Markname);
        if (withCategory)
        {
            json.WriteString(ReplyJsonNames.Category, c.Category);
        }
        json.WriteString(ReplyJsonNames.DisplayName, c.DisplayName);
        json.WriteEndObject();
    }

    private static JsonObject Tree(Action<Utf8JsonWriter> write) => (JsonObject)MojoJson.ToNode(write)!;
}
