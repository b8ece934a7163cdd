using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace OpenWxCluster.Protocol.Web;

/// <summary>
/// Sends calls through the one shared HttpClient: loopback mapping, browser headers, the account's cookies, timeouts,
/// and the mapping of every transport failure to <see cref="WxTransportException"/>. Messages never contain URLs,
/// because web WeChat URLs carry skey, sid, uuid and pass_ticket.
/// </summary>
internal sealed class WxHttpTransport(HttpClient http, WebWxOptions options, ILogger logger)
{
    public const string UpstreamHostHeader = "X-Upstream-Host";

    private readonly string? _loopbackOrigin = options.LoopbackBaseUrl is { Length: > 0 } url
        ? new Uri(url, UriKind.Absolute).GetLeftPart(UriPartial.Authority)
        : null;

    public Task<WxHttpReply> SendAsync(WxHttpCall call, WxSession? session, CancellationToken cancellationToken) =>
        SendAsync(call, session, ReadWholeAsync, cancellationToken);

    /// <summary>
    /// A JSON answer parsed from the response stream into pooled buffers (the document rents them and gives them
    /// back when disposed), without the whole body as a byte array first. The caller disposes the document.
    /// </summary>
    public Task<JsonDocument> SendForJsonAsync(WxHttpCall call, WxSession? session, CancellationToken cancellationToken) =>
        SendAsync(call, session, (response, token) => WxJson.ParseAsync(call.Operation, response.Content, token), cancellationToken);

    private async Task<T> SendAsync<T>(
        WxHttpCall call, WxSession? session, Func<HttpResponseMessage, CancellationToken, Task<T>> read, CancellationToken cancellationToken)
    {
        var upstreamHost = call.Url.Host;
        using var request = new HttpRequestMessage(call.Method, MapUrl(call.Url)) { Content = call.Content };
        if (_loopbackOrigin is not null)
        {
            request.Headers.TryAddWithoutValidation(UpstreamHostHeader, upstreamHost);
        }

        request.Headers.TryAddWithoutValidation("User-Agent", options.UserAgent);
        request.Headers.TryAddWithoutValidation("Accept", "application/json, text/plain, */*");
        request.Headers.TryAddWithoutValidation("Referer", $"https://{call.RefererDomain}/");
        if (session is not null && WxCookieJar.HeaderFor(session, upstreamHost) is { } cookie)
        {
            request.Headers.TryAddWithoutValidation("Cookie", cookie);
        }

        foreach (var (name, value) in call.Headers ?? new Dictionary<string, string>())
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        var timeout = TimeoutFor(call.Timeout);
        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(timeout);
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeoutSource.Token)
                .ConfigureAwait(false);
            if (session is not null)
            {
                WxCookieJar.Merge(session, response.Headers, upstreamHost);
            }

            var status = (int)response.StatusCode;
            logger.LogDebug("{Operation} answered HTTP {Status}", call.Operation, status);
            EnsureUsableStatus(call, status);
            return await read(response, timeoutSource.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new WxTransportException(call.Operation, $"timed out after {timeout.TotalSeconds:0.#} s", ex);
        }
        catch (HttpRequestException ex)
        {
            throw new WxTransportException(call.Operation, $"connection failed ({ex.HttpRequestError})", ex);
        }
        catch (IOException ex)
        {
            throw new WxTransportException(call.Operation, "connection broken while reading the answer", ex);
        }
    }

    private static async Task<WxHttpReply> ReadWholeAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        return new WxHttpReply((int)response.StatusCode, body, response.Content.Headers.ContentType?.MediaType);
    }

    /// <summary>
    /// Real URL → the URL actually requested (loopback origin + the same path and query). The origin is swapped in
    /// the URL's text: a UriBuilder takes the URI apart and parses it again, about 1 % of a send's CPU.
    /// </summary>
    public Uri MapUrl(Uri upstream)
    {
        if (_loopbackOrigin is null)
        {
            return upstream;
        }
        var text = upstream.OriginalString;
        var scheme = text.IndexOf("://", StringComparison.Ordinal);
        var rest = scheme < 0 ? -1 : text.AsSpan(scheme + 3).IndexOfAny('/', '?', '#');
        return rest < 0
            ? new Uri(_loopbackOrigin + upstream.PathAndQuery + upstream.Fragment)
            : new Uri(string.Concat(_loopbackOrigin.AsSpan(), text.AsSpan(scheme + 3 + rest)));
    }

    private TimeSpan TimeoutFor(WxTimeoutKind kind) => kind switch
    {
        WxTimeoutKind.LongPoll => options.LongPollTimeout,
        WxTimeoutKind.Media => options.MediaTimeout,
        _ => options.RequestTimeout,
    };

    private static void EnsureUsableStatus(WxHttpCall call, int status)
    {
        if (status >= 500)
        {
            throw new WxTransportException(call.Operation, $"HTTP {status}") { HttpStatus = status };
        }

        var redirect = status is >= 300 and < 400;
        if ((status < 200 || status >= 300) && !(redirect && call.AcceptRedirect))
        {
            throw new WxTransportException(call.Operation, $"unexpected HTTP {status} ({(HttpStatusCode)status})")
            {
                HttpStatus = status,
            };
        }
    }
}
