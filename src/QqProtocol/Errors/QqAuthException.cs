namespace OpenWxCluster.QqProtocol;

/// <summary>The implementation refused the access token: 401 (missing) or 403 (wrong), per OneBot v11 http.md.</summary>
public sealed class QqAuthException(string action, int httpStatus)
    : QqProtocolException($"{action}: HTTP {httpStatus} ({(httpStatus == 401 ? "access token missing" : "access token rejected")})")
{
    public override string Action { get; } = action;
    public int HttpStatus { get; } = httpStatus;
}
