using System.Globalization;

namespace OpenWxCluster.WebFront;

/// <summary>
/// The <c>cursor=</c> of a cursor-mode check_event: an event id (<c>wx/alice:42</c>, as the answers carry it) of
/// the polled account, or its bare sequence number (<c>42</c>); empty or <c>0</c> means from the oldest retained.
/// </summary>
public static class EventCursor
{
    /// <summary>Mojo error code of a cursor that is malformed, of another account, or past the last event (HTTP 400).</summary>
    public const int InvalidCode = -3;

    public static bool TryParse(string text, string accountKey, out long seq, out string? problem)
    {
        seq = 0;
        problem = null;
        var number = text;
        var colon = text.LastIndexOf(':');
        if (colon >= 0)
        {
            if (!string.Equals(text[..colon], accountKey, StringComparison.Ordinal))
            {
                problem = $"invalid cursor: not an event id of {accountKey}";
                return false;
            }
            number = text[(colon + 1)..];
        }
        if (number.Length == 0 && colon < 0)
        {
            return true;
        }
        if (!long.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out seq))
        {
            problem = "invalid cursor: expected an event id or a sequence number";
            return false;
        }
        return true;
    }

    public static MojoReply Invalid(string problem) => MojoReply.Error(InvalidCode, problem, StatusCodes.Status400BadRequest);
}
