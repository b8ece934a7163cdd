using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace OpenWxCluster.QqProtocol.Http;

/// <summary>One action call: request, status handling and envelope checks.</summary>
public sealed partial class OneBotHttpClient
{
    private async Task<JsonElement> CallAsync(string action, Dictionary<string, object?> body, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{_options.BaseUrl.TrimEnd('/')}/{action}")
        {
            Content = JsonContent.Create(body),
        };
        if (_options.AccessToken.Length > 0)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _options.AccessToken);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(_options.RequestTimeout);
        byte[] payload;
        HttpStatusCode status;
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, timeout.Token).ConfigureAwait(false);
            status = response.StatusCode;
            payload = await response.Content.ReadAsByteArrayAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new QqTransportException(action, $"no answer within {_options.RequestTimeout}") { Transient = true };
        }
        catch (HttpRequestException e)
        {
            _logger.LogDebug(e, "OneBot {Action} failed in transport", action);
            throw new QqTransportException(action, e.Message, e) { Transient = true, HttpStatus = (int?)e.StatusCode };
        }

        return Check(action, status, payload);
    }

    private static JsonElement Check(string action, HttpStatusCode status, byte[] payload)
    {
        var code = (int)status;
        if (status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            throw new QqAuthException(action, code);
        }

        if (status == HttpStatusCode.NotFound)
        {
            throw new QqRetcodeException(action, 1404, "failed", "unknown action");
        }

        if (code < 200 || code > 299)
        {
            throw new QqTransportException(action, $"HTTP {code}") { HttpStatus = code, Transient = code >= 500 };
        }

        JsonElement root;
        try
        {
            using var doc = JsonDocument.Parse(payload);
            root = doc.RootElement.Clone();
        }
        catch (JsonException e)
        {
            // A body cut short by a dropped connection lands here too.
            throw new QqTransportException(action, "malformed envelope", e) { HttpStatus = code, Transient = true };
        }

        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("retcode", out _))
        {
            throw new QqTransportException(action, "answer is not a OneBot envelope") { HttpStatus = code };
        }

        var retcode = OneBotJson.Int(root, "retcode");
        if (retcode != 0)
        {
            var detail = FirstNonEmpty(OneBotJson.String(root, "wording"), OneBotJson.String(root, "msg"), OneBotJson.String(root, "message"));
            throw new QqRetcodeException(action, retcode, OneBotJson.String(root, "status"), detail);
        }

        return root.TryGetProperty("data", out var data) ? data : default;
    }

    private static string FirstNonEmpty(params string[] values) => values.FirstOrDefault(v => v.Length > 0) ?? "";
}
