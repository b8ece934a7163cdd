using static OpenWxCluster.WebFront.MojoShape;

namespace OpenWxCluster.WebFront;

/// <summary>
/// The answer shapes of the HTTP API, split by API. Fields Mojo always renders are required; the rest are declared
/// with their type (objects stay open, as Mojo clients ignore unknown keys). They describe what the handlers render,
/// which follows Mojo's code where the seed API documents differ (send replies carry <c>id</c>, not <c>msg_id</c>;
/// shutup time is in minutes): Mojo's real behaviour wins, and strict mode checks the shapes against it.
/// </summary>
public static partial class MojoShapes
{
    /// <summary>Mojo's error object: any route may answer it instead of its shape.</summary>
    public static readonly MojoShape Error = Object("MojoError", Req("code", Int.Described("never 0")), Req("status", Text))
        .Described("Mojo's error object; HTTP 200 unless the request itself is refused (400, 401/403, 404, 413, 429, 502, 503)");

    /// <summary>The send routes' error object.</summary>
    public static readonly MojoShape SendError = Object("SendError", Req("id", Any.Described("null")), Req("code", Int), Req("status", Text));

    /// <summary><c>{code, status}</c>: the answer of the administration routes (code 0 on success).</summary>
    public static readonly MojoShape Status = Object("Status", Req("code", Int), Req("status", Text));

    /// <summary>A message send: the message id, Mojo's code and status (async sends: no id yet).</summary>
    public static readonly MojoShape SendResult = Object("SendResult",
        Opt("id", OneOf(Text, Int).OrNull()), Req("code", Int), Req("status", Text),
        Opt("media_id", Text.OrNull()), Opt("info", Text.OrNull().Described("Openqq: the upstream's own status text")));

    /// <summary>A check_event entry (message or event), either API: only <c>post_type</c> is common to all.</summary>
    public static readonly MojoShape Event = Object("Event",
        Req("post_type", Text.Described("receive_message, send_message or event (Openqq: also receive_notice…)")),
        Opt("event_id", Text.Described("the same on every delivery: drop duplicates by it")),
        Opt("event_time", Int.Described("unix seconds")),
        Opt("id", OneOf(Text, Int)), Opt("time", OneOf(Text, Int)), Opt("content", Text.OrNull()), Opt("type", Text), Opt("class", Text),
        Opt("sender", Text), Opt("sender_id", Text), Opt("receiver", Text), Opt("group", Text), Opt("group_id", Text),
        Opt("event", Text), Opt("params", ArrayOf(Any)), Opt("media_data", Text.Described("base64, when the bytes fit the answer")));

    public static readonly MojoShape Events = ArrayOf(Event);

    /// <summary>get_client_info, both APIs.</summary>
    public static readonly MojoShape ClientInfo = Object("ClientInfo",
        Req("code", Int), Req("client", Text), Opt("account", Text), Opt("pid", Int), Opt("os", Text), Opt("version", Text),
        Opt("starttime", Int.OrNull()), Opt("runtime", Int.OrNull()), Req("state", Text), Opt("silo", Text.OrNull()), Req("status", Text));

    /// <summary>The Controller's client record (start_client, stop_client) and the single-account stop answer.</summary>
    public static readonly MojoShape ClientRecord = Object("ClientRecord",
        Req("code", Int), Req("status", Text), Opt("client", Text), Opt("account", Text), Opt("pid", Int), Opt("port", Int.OrNull()),
        Opt("starttime", Int.OrNull()), Opt("runtime", Int.OrNull()), Opt("error", Text),
        Opt("ignored", ArrayOf(Text).Described("start options without effect in a cluster")));

    public static readonly MojoShape ClientState = Object("ClientState",
        Req("client", Text), Opt("account", Text), Req("state", Text), Opt("previous_state", Text.OrNull()),
        Opt("start_time", Int.OrNull()), Opt("pid", Int), Opt("port", Int.OrNull()), Opt("os", Text), Opt("version", Text),
        Opt("qrcode_count", Int), Opt("silo", Text.OrNull()), Opt("offline_cause", Text.OrNull()), Opt("last_error", Text));

    /// <summary>check_client: one entry with <c>client=</c>, else every started account of the API.</summary>
    public static readonly MojoShape ClientList = Object("ClientList", Req("code", Int), Req("client", ArrayOf(ClientState)));
}
