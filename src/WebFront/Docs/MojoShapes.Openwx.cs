using static OpenWxCluster.WebFront.MojoShape;

namespace OpenWxCluster.WebFront;

/// <summary>Openwx (Mojo-Weixin) shapes: contacts, groups, media and webhook answers.</summary>
public static partial class MojoShapes
{
    private static MojoField[] ContactFields(params MojoField[] more) =>
    [
        Req("id", Text), Opt("uid", Text.OrNull()), Opt("name", Text.OrNull()), Opt("account", Text.OrNull()),
        Opt("province", Text.OrNull()), Opt("city", Text.OrNull()), Opt("signature", Text.OrNull()),
        Opt("sex", Text.OrNull().Described("\"\", male or female")), Opt("display", Text.OrNull()), Opt("markname", Text.OrNull()),
        .. more, Req("displayname", Text),
    ];

    public static readonly MojoShape Friend = Object("Friend", ContactFields(Opt("category", Text.OrNull())));

    public static readonly MojoShape User = Object("User", ContactFields());

    public static readonly MojoShape Member = Object("Member", ContactFields());

    public static readonly MojoShape Group = Object("Group",
        Req("id", Text), Opt("uid", Text.OrNull()), Opt("name", Text.OrNull()), Opt("owner_uid", Text.OrNull()), Req("displayname", Text),
        Opt("member", ArrayOf(Member).Described("left out by get_group_basic_info")));

    public static readonly MojoShape Friends = ArrayOf(Friend);

    public static readonly MojoShape Groups = ArrayOf(Group);

    /// <summary>consult: the reply, or the send's receipt with <c>reply_status</c> when none came in time.</summary>
    public static readonly MojoShape ConsultResult = Object("ConsultResult",
        Opt("reply", Text.OrNull()), Opt("id", OneOf(Text, Int).OrNull()), Opt("code", Int.OrNull()), Opt("status", Text.OrNull()),
        Opt("reply_status", Text));

    /// <summary>accept_friend_request echoes the request it answered.</summary>
    public static readonly MojoShape FriendRequestResult = Object("FriendRequestResult",
        Req("code", Int), Req("status", Text), Opt("id", Text.OrNull()), Opt("displayname", Text.OrNull()), Opt("ticket", Text.OrNull()));

    public static readonly MojoShape CreateGroupResult = Object("CreateGroupResult",
        Req("code", Int), Req("status", Text), Opt("group_id", Text.OrNull()), Opt("id", Any.Described("null on failure")));

    /// <summary>upload_media: Mojo's upload hash; on failure media_id is null and <c>error</c> says why.</summary>
    public static readonly MojoShape MediaUpload = Object("MediaUpload",
        Req("media_id", Text.OrNull()), Opt("media_code", Int), Opt("media_type", Text.OrNull()), Opt("media_path", Text.OrNull()),
        Opt("media_name", Text.OrNull()), Opt("media_size", Num), Opt("media_mime", Text.OrNull()), Opt("media_mtime", Num.OrNull()),
        Opt("media_ext", Text.OrNull()), Opt("error", Text));

    public static readonly MojoShape PostLog = Object("PostLog",
        Req("code", Int), Req("status", Text), Opt("post_api", Text.OrNull().Described("without its query")), Opt("backlog", Int),
        Opt("last_event_seq", Int.OrNull()), Opt("delivered", Int), Opt("failed", Int), Opt("dropped", Int),
        Opt("attempts", ArrayOf(Object("PostAttempt",
            Req("event_id", Text), Req("attempt", Int), Opt("status_code", Int.OrNull()), Opt("latency_ms", Num),
            Opt("error", Text.OrNull()), Opt("time", Int.Described("unix milliseconds"))))));
}
