using System.Text.Json.Nodes;

namespace OpenWxCluster.WebFront;

/// <summary>
/// get_discuss_info's objects. Mojo-Webqq's discuss is <c>{id, name, owner_id, member:[{id, name, uid, state,
/// client_type}]}</c>; seed 003's older names (<c>did</c>, <c>dname</c>, members' <c>nick</c>, <c>did</c>, <c>dname</c>)
/// are added as QqJson adds <c>gid</c>. A discuss is learned from its messages (OneBot cannot list them): the name is
/// its id unless known, the members are those heard speaking, the owner is unknown.
/// </summary>
public static class QqDiscussJson
{
    public static JsonArray Discusses(IEnumerable<GroupInfo> discusses) => [.. discusses.Select(d => (JsonNode)Discuss(d))];

    public static JsonObject Discuss(GroupInfo discuss) => new()
    {
        ["id"] = MojoValues.OrEmpty(discuss.Id),
        ["did"] = MojoValues.OrEmpty(discuss.Id),
        ["name"] = MojoValues.OrEmpty(discuss.Name),
        ["dname"] = MojoValues.OrEmpty(discuss.Name),
        ["owner_id"] = MojoValues.OrEmpty(discuss.OwnerUid),
        ["member"] = new JsonArray([.. discuss.Members.Select(m => (JsonNode)Member(m, discuss))]),
    };

    /// <summary>A discuss message's fields as Mojo-Webqq's to_json_hash gives them: <c>discuss</c> (its displayname, the name) and <c>discuss_id</c>.</summary>
    public static void AddTo(MojoFields json, ChatMessage message)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(message);
        json.Set("discuss", MojoValues.OrEmpty(message.GroupName ?? message.Group));
        json.Set("discuss_id", MojoValues.OrEmpty(message.GroupId));
    }

    private static JsonObject Member(ContactInfo member, GroupInfo discuss) => new()
    {
        ["id"] = MojoValues.OrEmpty(member.Id),
        ["uid"] = MojoValues.OrEmpty(member.Uid),
        ["name"] = MojoValues.OrEmpty(member.Name),
        ["nick"] = MojoValues.OrEmpty(member.Name),
        ["state"] = "",
        ["client_type"] = "",
        ["did"] = MojoValues.OrEmpty(discuss.Id),
        ["dname"] = MojoValues.OrEmpty(discuss.Name),
    };
}
