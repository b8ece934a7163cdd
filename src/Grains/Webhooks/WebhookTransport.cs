using System.Globalization;
using System.Text;
using OpenWxCluster.Grains.Common;
using StandardWebhooks;

namespace OpenWxCluster.Grains.Webhooks;

/// <summary>
/// One POST of a rendered event. Headers: Standard Webhooks' <c>webhook-id</c> (the event id) and
/// <c>webhook-timestamp</c> on every post, <c>webhook-signature</c> when the account has a secret, and
/// <c>X-OpenWx-Attempt</c>. <c>client=&lt;name&gt;</c> is merged into the URL's query as Mojo's controller does.
/// </summary>
public sealed class WebhookTransport(IHttpClientFactory clients, TimeProvider time)
{
    public const string ClientName = "openwx-webhooks";
    public const string AttemptHeader = "X-OpenWx-Attempt";

    /// <summary>Replies are small JSON objects; a larger answer body is not read for a reply.</summary>
    private const int MaxReplyBytes = 64 * 1024;

    public async Task<WebhookOutcome> PostAsync(
        WebhookSettings settings, string client, string eventId, string body, int attempt, CancellationToken cancellation)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, WithClient(settings.Url, client))
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        var now = time.GetUtcNow();
        request.Headers.Add("webhook-id", eventId);
        request.Headers.Add("webhook-timestamp", now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(AttemptHeader, attempt.ToString(CultureInfo.InvariantCulture));
        if (!string.IsNullOrEmpty(settings.Secret))
        {
            request.Headers.Add("webhook-signature", Signer(settings.Secret).Sign(eventId, now, body));
        }
        using var response = await clients.CreateClient(ClientName)
            .SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellation);
        var status = (int)response.StatusCode;
        if (status is < 200 or >= 300)
        {
            return new WebhookOutcome(status, null, null);
        }
        var contentType = response.Content.Headers.ContentType?.MediaType;
        // Only a JSON answer can carry a reply (Mojo reads no other); anything else is not read at all.
        var answer = contentType is "application/json" or "text/json" ? await ReadBoundedAsync(response.Content, cancellation) : null;
        return new WebhookOutcome(status, contentType, answer);
    }

    /// <summary>Standard Webhooks secrets are <c>whsec_</c> + base64; any other text is used as the key's bytes.</summary>
    private static StandardWebhook Signer(string secret) =>
        secret.StartsWith("whsec_", StringComparison.Ordinal) ? new StandardWebhook(secret) : new StandardWebhook(Encoding.UTF8.GetBytes(secret));

    /// <summary>Mojo merges <c>client</c> into the query (replacing one already there).</summary>
    public static Uri WithClient(string url, string client)
    {
        var builder = new UriBuilder(url);
        var kept = builder.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Where(p => !p.Split('=')[0].Equals("client", StringComparison.Ordinal));
        builder.Query = string.Join('&', kept.Append("client=" + Uri.EscapeDataString(client)));
        return builder.Uri;
    }

    private static async Task<string?> ReadBoundedAsync(HttpContent content, CancellationToken cancellation) =>
        await BoundedRead.ReadAsync(content, MaxReplyBytes, cancellation) is { } bytes ? Encoding.UTF8.GetString(bytes) : null;
}
