using System.Globalization;
using System.Net.Http.Headers;

namespace OpenWxCluster.Protocol.Web;

/// <summary>
/// Cookie handling on top of <see cref="WxSession.Cookies"/>. The shared HttpClient has no cookie container (it serves
/// every account), so each request gets its account's cookies as a header and Set-Cookie answers flow back here.
/// </summary>
internal static class WxCookieJar
{
    /// <summary>The Cookie header value for a request to <paramref name="host"/>, or null when nothing applies.</summary>
    public static string? HeaderFor(WxSession session, string host)
    {
        var parts = session.Cookies.Values
            .Where(c => DomainMatches(host, c.Domain))
            .Select(c => $"{c.Name}={c.Value}")
            .ToList();
        return parts.Count == 0 ? null : string.Join("; ", parts);
    }

    /// <summary>Merges every Set-Cookie of a response from <paramref name="host"/> into the session.</summary>
    public static void Merge(WxSession session, HttpResponseHeaders headers, string host)
    {
        if (!headers.TryGetValues("Set-Cookie", out var values))
        {
            return;
        }

        foreach (var value in values)
        {
            Apply(session, value, host);
        }
    }

    /// <summary>Applies one Set-Cookie line: stores it, or removes the cookie when it is already expired.</summary>
    public static void Apply(WxSession session, string setCookie, string host)
    {
        var segments = setCookie.Split(';');
        var pair = segments[0];
        var eq = pair.IndexOf('=', StringComparison.Ordinal);
        if (eq <= 0)
        {
            return;
        }

        var name = pair[..eq].Trim();
        var value = pair[(eq + 1)..].Trim();
        var domain = host;
        var expired = false;
        foreach (var segment in segments.Skip(1))
        {
            var attrEq = segment.IndexOf('=', StringComparison.Ordinal);
            var attrName = (attrEq < 0 ? segment : segment[..attrEq]).Trim();
            var attrValue = attrEq < 0 ? "" : segment[(attrEq + 1)..].Trim();
            if (attrName.Equals("Domain", StringComparison.OrdinalIgnoreCase) && attrValue.Length > 0)
            {
                domain = attrValue.TrimStart('.').ToLowerInvariant();
            }
            else if (attrName.Equals("Max-Age", StringComparison.OrdinalIgnoreCase)
                     && long.TryParse(attrValue, NumberStyles.Integer, CultureInfo.InvariantCulture, out var maxAge))
            {
                expired = maxAge <= 0;
            }
            else if (attrName.Equals("Expires", StringComparison.OrdinalIgnoreCase)
                     && DateTimeOffset.TryParse(attrValue, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var expires))
            {
                expired = expires < DateTimeOffset.UtcNow;
            }
        }

        if (expired)
        {
            session.Cookies.Remove(name);
        }
        else
        {
            session.Cookies[name] = new WxCookie(name, value, domain);
        }
    }

    /// <summary>RFC 6265 domain match: the host is the domain or one of its sub-hosts.</summary>
    public static bool DomainMatches(string host, string domain)
    {
        var d = domain.TrimStart('.');
        return host.Equals(d, StringComparison.OrdinalIgnoreCase)
            || host.EndsWith("." + d, StringComparison.OrdinalIgnoreCase);
    }
}
