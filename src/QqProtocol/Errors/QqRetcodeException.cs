namespace OpenWxCluster.QqProtocol;

/// <summary>
/// The implementation answered with an envelope whose retcode is not 0 (e.g. 100 bad parameter, 1200 NapCat risk
/// control), or 404 for an unknown action (reported as retcode 1404, the WS convention).
/// </summary>
public sealed class QqRetcodeException(string action, int retcode, string status, string detail)
    : QqProtocolException($"{action}: retcode {retcode} {detail}".TrimEnd())
{
    public override string Action { get; } = action;
    public int Retcode { get; } = retcode;

    /// <summary>The envelope's <c>status</c>: <c>failed</c>, or <c>async</c> for retcode 1.</summary>
    public string Status { get; } = status;

    /// <summary><c>wording</c>, else <c>msg</c>, else <c>message</c> from the envelope; empty when none.</summary>
    public string Detail { get; } = detail;
}
