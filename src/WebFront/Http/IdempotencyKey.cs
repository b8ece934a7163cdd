namespace OpenWxCluster.WebFront;

/// <summary>
/// A send's idempotency key: the <c>Idempotency-Key</c> header (the IETF draft's name) or the <c>client_msg_id</c>
/// parameter. At most 128 visible ASCII characters; both given must agree.
/// </summary>
public static class IdempotencyKey
{
    public const string Header = "Idempotency-Key";
    public const string Parameter = "client_msg_id";
    public const int MaxLength = 128;

    public static (string? Key, string? Error) Read(MojoParameters parameters, HttpRequest request)
    {
        var header = request.Headers[Header].ToString();
        var parameter = parameters[Parameter];
        var key = header.Length > 0 ? header : parameter;
        if (string.IsNullOrEmpty(key))
        {
            return (null, null);
        }
        if (header.Length > 0 && !string.IsNullOrEmpty(parameter) && parameter != header)
        {
            return (null, $"{Header} and {Parameter} differ");
        }
        return key.Length <= MaxLength && key.All(c => c is > ' ' and <= '~')
            ? (key, null)
            : (null, $"{Parameter} must be 1 to {MaxLength} visible ASCII characters");
    }
}
