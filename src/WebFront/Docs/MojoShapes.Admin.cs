using static OpenWxCluster.WebFront.MojoShape;

namespace OpenWxCluster.WebFront;

/// <summary>The admin console's JSON (<c>/admin/api/accounts</c>).</summary>
public static partial class MojoShapes
{
    public static readonly MojoShape AdminAccounts = Object("AdminAccounts",
        Req("code", Int),
        Req("accounts", ArrayOf(Object("AdminAccount",
            Req("key", Text), Req("platform", Text), Req("client", Text), Opt("account", Text.OrNull()), Req("state", Text),
            Opt("cause", Text.OrNull()), Opt("silo", Text.OrNull()), Opt("start_time", Text.OrNull()), Opt("uptime", Any),
            Opt("last_event_time", Text.OrNull()), Opt("messages_in", Int), Opt("messages_out", Int),
            Opt("qr", Text.OrNull().Described("the QR image's path while one waits to be scanned")),
            Opt("webhook", Object(null,
                Opt("destination", Text.OrNull()), Opt("backlog", Int), Opt("delivered", Int), Opt("failed", Int), Opt("dropped", Int),
                Opt("last", ArrayOf(Any))))))));
}
