using System.Text.Json.Nodes;

namespace OpenWxCluster.WebFront;

/// <summary>The HTTP answers of the OneBot intake: small <c>{"code","status"}</c> bodies with honest statuses.</summary>
internal static class IntakeReplies
{
    /// <summary>Largest event body (HTTP POST) or WebSocket text message taken.</summary>
    public const int MaxEventBytes = 1024 * 1024;

    /// <summary>The status for a refused intake or handshake; null for <see cref="QqIntakeResult.Accepted"/>.</summary>
    public static MojoReply? For(QqIntakeResult result) => result switch
    {
        QqIntakeResult.Accepted => null,
        QqIntakeResult.NotStarted => Reply(StatusCodes.Status404NotFound, "client not started"),
        QqIntakeResult.BadSignature => Reply(StatusCodes.Status401Unauthorized, "bad signature"),
        QqIntakeResult.Unauthorized => Reply(StatusCodes.Status401Unauthorized, "unauthorized"),
        QqIntakeResult.WrongSelf => Reply(StatusCodes.Status403Forbidden, "wrong self id"),
        _ => Reply(StatusCodes.Status400BadRequest, "malformed event"),
    };

    public static MojoReply Reply(int httpStatus, string status) =>
        new(new JsonObject { ["code"] = httpStatus, ["status"] = status }, httpStatus);

    public static MojoReply TooLarge() => Reply(StatusCodes.Status413PayloadTooLarge, $"event too large: at most {MaxEventBytes} bytes");
}
