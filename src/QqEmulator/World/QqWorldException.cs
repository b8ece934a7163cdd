namespace OpenWxCluster.QqEmulator.World;

/// <summary>
/// A refused operation: <see cref="Retcode"/> is what the OneBot API answers (legacy table: 100 bad parameter, 102 no
/// permission, 103 failed, 104 not logged in), <see cref="HttpStatus"/> what the control API answers.
/// </summary>
public sealed class QqWorldException(int retcode, int httpStatus, string message) : Exception(message)
{
    public int Retcode { get; } = retcode;

    public int HttpStatus { get; } = httpStatus;

    public static QqWorldException NotFound(string what) => new(100, 404, $"{what} not found");

    public static QqWorldException BadParameter(string message) => new(100, 400, message);

    public static QqWorldException NoPermission(string message) => new(102, 403, message);

    public static QqWorldException Conflict(string message) => new(103, 409, message);

    /// <summary>
    /// The bot is offline. NapCat, not logged in, has no OneBot service at all; we answer 104 ("credentials expired"
    /// in the legacy table), the nearest code a client can act on.
    /// </summary>
    public static QqWorldException Offline(long selfId) => new(104, 409, $"bot {selfId} is offline");
}
