using System.Text;
using System.Text.Unicode;
using Microsoft.AspNetCore.Http.Features;

namespace OpenWxCluster.WebFront;

/// <summary>
/// The checks made before anything of a request is parsed: query length and UTF-8, request rate, body size. Each
/// refusal is Mojo's error shape with the honest HTTP status (414, 400, 429, 413).
/// </summary>
internal static class RequestLimits
{
    /// <summary>Routes that take media_data (base64 form values or a file part) and so a larger body.</summary>
    private static readonly HashSet<string> MediaRoutes = new(StringComparer.Ordinal)
    {
        "openwx.upload_media", "openwx.send_friend_message", "openwx.send_group_message", "openwx.consult",
    };

    public static long BodyLimit(OpenWxApiOptions options, string? endpointName) =>
        endpointName is not null && MediaRoutes.Contains(endpointName) ? options.MaxMediaBodyBytes : options.MaxBodyBytes;

    /// <summary>A query string past the limit (414) or whose percent-escapes are not UTF-8 (400).</summary>
    public static IResult? QueryRefusal(HttpContext http, OpenWxApiOptions options)
    {
        var query = http.Request.QueryString.Value ?? "";
        if (query.Length > options.MaxQueryLength)
        {
            return MojoReply.Error(-1, $"query string too long: at most {options.MaxQueryLength} bytes", StatusCodes.Status414UriTooLong);
        }
        return IsUtf8(query) ? null : MojoReply.Error(-1, "query string is not valid UTF-8", StatusCodes.Status400BadRequest);
    }

    /// <summary>429 when the partition's bucket is empty (check_event is never counted: it paces itself).</summary>
    public static IResult? RateRefusal(HttpContext http, string partition)
    {
        var limiter = http.RequestServices.GetRequiredService<ApiRateLimiter>();
        if (limiter.TryAcquire(partition))
        {
            return null;
        }
        http.Response.Headers.RetryAfter = limiter.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return MojoReply.Error(-1, $"too many requests: at most {limiter.Rate}, retry later", StatusCodes.Status429TooManyRequests);
    }

    /// <summary>
    /// 413 at once for a declared length past the limit; otherwise the server's body limit is lowered (or raised, for
    /// media) to it, so a chunked body is cut off when it passes the limit instead of being buffered.
    /// </summary>
    public static IResult? BodyRefusal(HttpContext http, long limit)
    {
        if (http.Request.ContentLength > limit)
        {
            return TooLarge(limit);
        }
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = limit;
        }
        return null;
    }

    public static MojoReply TooLarge(long limit) =>
        MojoReply.Error(-1, $"{JsonBody.TooLarge}: at most {limit} bytes", StatusCodes.Status413PayloadTooLarge);

    /// <summary>Percent-escapes decoded to bytes (other characters as their UTF-8), then checked as UTF-8.</summary>
    internal static bool IsUtf8(string query)
    {
        if (!query.Contains('%'))
        {
            return true;
        }
        var bytes = new List<byte>(query.Length);
        Span<byte> scratch = stackalloc byte[4];
        for (var i = 0; i < query.Length; i++)
        {
            if (query[i] == '%' && i + 2 < query.Length && Uri.IsHexDigit(query[i + 1]) && Uri.IsHexDigit(query[i + 2]))
            {
                bytes.Add((byte)Convert.ToInt32(query.Substring(i + 1, 2), 16));
                i += 2;
            }
            else
            {
                var length = Encoding.UTF8.GetBytes(query.AsSpan(i, 1), scratch);
                bytes.AddRange(scratch[..length]);
            }
        }
        return Utf8.IsValid(bytes.ToArray());
    }
}
