using System.Text.Json.Nodes;

namespace OpenWxCluster.WebFront;

/// <summary>
/// The console's JSON (admins only, not a Mojo route): what the list page polls. Never a token, OneBot secret,
/// cookie or webhook query: only status fields, counts and the destination's scheme, host and path.
/// </summary>
internal static class AdminJson
{
    /// <summary>Delivery attempts shown per account (the grain keeps more; the account page shows them all).</summary>
    public const int ListedAttempts = 3;

    public static JsonObject Accounts(IReadOnlyList<AccountOverview> accounts, DateTimeOffset now) => new()
    {
        ["code"] = 0,
        ["accounts"] = new JsonArray([.. accounts.Select(a => (JsonNode)Account(a, now))]),
    };

    public static JsonObject Account(AccountOverview a, DateTimeOffset now)
    {
        var s = a.Status;
        return new JsonObject
        {
            ["key"] = a.Key,
            ["platform"] = a.Platform,
            ["client"] = a.Client,
            ["account"] = s.Account,
            ["state"] = s.State.ToWire(),
            ["cause"] = a.Cause,
            ["silo"] = s.Silo,
            ["start_time"] = AdminHtml.Time(s.StartTime),
            ["uptime"] = Uptime(s, now),
            ["last_event_time"] = AdminHtml.Time(a.Inbox.LastEventTime),
            ["messages_in"] = a.Inbox.MessagesIn,
            ["messages_out"] = a.Inbox.MessagesOut,
            ["qr"] = a.HasQr ? $"/admin/api/accounts/{AdminHtml.Segment(a.Platform)}/{AdminHtml.Segment(a.Client)}/qr?n={s.QrCodeCount}" : null,
            ["webhook"] = new JsonObject
            {
                ["destination"] = AccountOverview.Destination(a.Webhook.Url),
                ["backlog"] = a.Webhook.Backlog,
                ["delivered"] = a.Webhook.Delivered,
                ["failed"] = a.Webhook.Failed,
                ["dropped"] = a.Webhook.Dropped,
                ["last"] = new JsonArray([.. a.Webhook.Attempts.Take(ListedAttempts).Select(t => (JsonNode)Attempt(t))]),
            },
        };
    }

    /// <summary>"200", or the error kind, of one delivery attempt.</summary>
    public static string Outcome(WebhookAttempt attempt) =>
        attempt.Error is { } error ? (attempt.StatusCode > 0 ? $"{attempt.StatusCode} {error}" : error) : attempt.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Time since the account last reached running; empty while it is not running (waiting for a scan, offline).</summary>
    public static string Uptime(AccountStatus status, DateTimeOffset now) =>
        status.RunningSince is { } since ? AdminHtml.Duration(now - since) : "";

    private static JsonObject Attempt(WebhookAttempt t) => new()
    {
        ["event_id"] = t.EventId,
        ["attempt"] = t.Attempt,
        ["outcome"] = Outcome(t),
        ["time"] = AdminHtml.Time(t.Time),
    };
}
