namespace OpenWxCluster.WebFront;

/// <summary>
/// Openqq's lookup parameters (friend and group: id, uid, name, displayname) with the older document's names as
/// aliases (seed 003: <c>qq</c> for a friend's uid, <c>gid</c>/<c>gnumber</c> for a group's id/uid). When both
/// names are given, the current one wins.
/// </summary>
public static class QqLookups
{
    /// <summary>search_friend's keys; every one is also a <see cref="FriendLookup"/> field, so the grain filters.</summary>
    public static readonly IReadOnlyList<string> FriendKeys = ["id", "uid", "qq", "name", "markname", "displayname"];

    /// <summary>search_group's keys, all <see cref="GroupLookup"/> fields.</summary>
    public static readonly IReadOnlyList<string> GroupKeys = ["id", "gid", "uid", "gnumber", "name", "displayname"];

    public static FriendLookup Friend(MojoParameters p) => new(
        Id: p["id"],
        DisplayName: p["displayname"],
        Markname: p["markname"],
        Uid: p["uid"] ?? p["qq"],
        Name: p["name"]);

    public static GroupLookup Group(MojoParameters p) => new(
        Id: p["id"] ?? p["gid"],
        DisplayName: p["displayname"],
        Uid: p["uid"] ?? p["gnumber"],
        Name: p["name"]);

    /// <summary>The group of send_sess_message, shutup and kick: <c>group_id|group_uid</c> (003: <c>gid|gnumber</c>).</summary>
    public static GroupLookup MemberGroup(MojoParameters p) => new(Id: p["group_id"] ?? p["gid"], Uid: p["group_uid"] ?? p["gnumber"]);

    /// <summary>A sess target: <c>id</c> or <c>uid</c> (003: <c>qq</c>); for QQ both are the QQ number.</summary>
    public static string? Member(MojoParameters p) => NonEmpty(p["id"]) ?? NonEmpty(p["uid"]) ?? NonEmpty(p["qq"]);

    /// <summary>The discuss form of send_sess_message: <c>discuss_id</c> (003: <c>did</c>).</summary>
    public static bool NamesDiscuss(MojoParameters p) => p.Contains("discuss_id") || p.Contains("did");

    /// <summary>The discuss of send_sess_message's discuss form.</summary>
    public static GroupLookup MemberDiscuss(MojoParameters p) => new(Id: NonEmpty(p["discuss_id"]) ?? NonEmpty(p["did"]));

    /// <summary>
    /// send_discuss_message's target: <c>id</c> (003: <c>did</c>), or <c>name</c>. Mojo-Webqq looks up by id only;
    /// name is our addition, since a learned discuss's id is all a client could otherwise give.
    /// </summary>
    public static GroupLookup Discuss(MojoParameters p) => new(Id: NonEmpty(p["id"]) ?? NonEmpty(p["did"]), Name: NonEmpty(p["name"]));

    private static string? NonEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
