using System.Text.Json.Nodes;

namespace OpenWxCluster.WebFront;

/// <summary>Groups as Mojo renders them: <c>id, uid, name, owner_uid, displayname, member[]</c>.</summary>
public static class GroupJson
{
    /// <param name="withMembers">False for get_group_basic_info, which leaves out <c>member</c>.</param>
    public static JsonObject Group(GroupInfo group, bool withMembers = true)
    {
        var json = new JsonObject
        {
            ["id"] = group.Id,
            ["uid"] = group.Uid,
            ["name"] = group.Name,
            ["owner_uid"] = group.OwnerUid,
            ["displayname"] = group.DisplayName,
        };
        if (withMembers)
        {
            json.Add("member", new JsonArray([.. group.Members.Select(m => (JsonNode)ContactJson.Member(m))]));
        }
        return json;
    }

    public static JsonArray Groups(IEnumerable<GroupInfo> groups, bool withMembers = true) =>
        [.. groups.Select(g => (JsonNode)Group(g, withMembers))];
}
