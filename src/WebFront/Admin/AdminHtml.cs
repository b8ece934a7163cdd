using System.Globalization;
using System.Net;
using System.Text;

namespace OpenWxCluster.WebFront;

/// <summary>The console's page frame, escaping and headers. Every value put in a page goes through <see cref="H"/>.</summary>
internal static class AdminHtml
{
    /// <summary>HTML-escapes text and attribute values (quotes included).</summary>
    public static string H(string? text) => WebUtility.HtmlEncode(text ?? "");

    /// <summary>A path segment of a console link (client names may hold any printable character but '/').</summary>
    public static string Segment(string text) => Uri.EscapeDataString(text);

    public static string Time(DateTimeOffset? time) =>
        time?.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture) ?? "";

    public static string Duration(TimeSpan span) =>
        span.TotalDays >= 1 ? $"{(int)span.TotalDays}d {span.Hours}h"
        : span.TotalHours >= 1 ? $"{span.Hours}h {span.Minutes}m"
        : $"{span.Minutes}m {span.Seconds}s";

    /// <summary>
    /// Only this host's own script and style run (a message text that slipped through unescaped still could not
    /// run a script), no framing, no caching of admin pages; the referrer stays on this origin.
    /// </summary>
    public static void SecureHeaders(HttpResponse response)
    {
        response.Headers.ContentSecurityPolicy =
            "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.CacheControl = "no-store";
        response.Headers["Referrer-Policy"] = "same-origin";
    }

    public static IResult Page(string title, string body, int status = StatusCodes.Status200OK) =>
        Results.Text(
            $"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <title>{H(title)}</title>
            <link rel="stylesheet" href="/admin/console.css">
            <script src="/admin/console.js" defer></script>
            </head>
            <body>
            <h1>{H(title)}</h1>
            {body}
            </body>
            </html>
            """,
            "text/html",
            Encoding.UTF8,
            status);
}
