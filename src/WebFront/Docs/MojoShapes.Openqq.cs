using static OpenWxCluster.WebFront.MojoShape;

namespace OpenWxCluster.WebFront;

/// <summary>Openqq (Mojo-Webqq) shapes: QQ numbers as <c>uid</c>/<c>qq</c>, groups with <c>gnumber</c>, discussions.</summary>
public static partial class MojoShapes
{
    private static MojoField[] QqContactFields(params MojoField[] more) =>
    [
        Req("id", Text), Opt("uid", Text), Opt("qq", Text.Described("the QQ number")), Opt("name", Text), Opt("sex", Text),
        .. more, Opt("state", Text), Opt("client_type", Text), Req("displayname", Text),
    ];

    public static readonly MojoShape QqUser = Object("QqUser", QqContactFields(Opt("account", Text), Opt("signature", Text)));

    public static readonly MojoShape QqFriend = Object("QqFriend", QqContactFields(Opt("markname", Text), Opt("category", Text)));

    public static readonly MojoShape QqMember = Object("QqMember",
        QqContactFields(Opt("card", Text), Opt("role", Text.Described("owner, admin or member")), Opt("province", Text), Opt("city", Text)));

    public static readonly MojoShape QqGroup = Object("QqGroup",
        Req("id", Text), Opt("gid", Text), Opt("uid", Text), Opt("gnumber", Text.Described("the group number")), Opt("name", Text),
        Opt("markname", Text), Opt("owner_id", Text), Opt("owner_uid", Text), Opt("role", Text.Described("the bot's role")),
        Req("displayname", Text), Opt("member", ArrayOf(QqMember).Described("left out by get_group_basic_info")));

    public static readonly MojoShape QqDiscuss = Object("QqDiscuss",
        Req("id", Text), Opt("did", Text), Opt("name", Text), Opt("dname", Text), Opt("owner_id", Text),
        Opt("member", ArrayOf(Object("QqDiscussMember",
            Req("id", Text), Opt("uid", Text), Opt("name", Text), Opt("nick", Text), Opt("did", Text), Opt("dname", Text)))));

    public static readonly MojoShape QqFriends = ArrayOf(QqFriend);

    public static readonly MojoShape QqGroups = ArrayOf(QqGroup);

    /// <summary>Openqq's relogin answer.</summary>
    public static readonly MojoShape Relogin = Object("Relogin", Req("code", Int), Opt("account", Text), Req("status", Text));
}
