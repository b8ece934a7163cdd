using System.Text.Json;
using System.Text.Json.Nodes;
using N = OpenWxCluster.WebFront.ReplyJsonNames;

namespace OpenWxCluster.WebFront;

/// <summary>Groups as Mojo renders them: <c>id, uid, name, owner_uid, displayname, member[]</c>.</summary>
public static class GroupJson
{
    /// <summary>One group as a tree (an event's parameter).</summary>
    public static JsonObject Group(GroupInfo group, bool withMembers = true) =>
        (JsonObject)MojoJson.ToNode(json => WriteGroup(json, group, withMembers))!;

    /// <summary>get_group_info's and search_group's list, written straight to the response.</summary>
    /// <param name="withMembers">False for get_group_basic_info, which leaves out <c>member</c>.</param>
    public static MojoStreamedReply GroupsReply(IEnumerable<GroupInfo> groups, bool withMembers = true) =>
        MojoStreamedReply.Array(groups, (json, group) => WriteGroup(json, group, withMembers));

    public static void WriteGroup(Utf8JsonWriter json, GroupInfo group, bool withMembers)
    {
        json.WriteStartObject();
        json.WriteString(N.Id, group.Id);
        json.WriteString(N.Uid, group.Uid);
        json.WriteString(N.Name, group.Name);
        json.WriteString(N.OwnerUid, group.OwnerUid);
        json.WriteString(N.DisplayName, group.DisplayName);
        if (withMembers)
        {
            json.WriteStartArray(N.Member);
            foreach (var member in group.Members)
            {
                ContactJson.WriteUser(json, member);
            }
            json.WriteEndArray();
        }
        json.WriteEndObject();
    }
}
