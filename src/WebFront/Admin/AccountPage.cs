using System.Text;

namespace OpenWxCluster.WebFront;

/// <summary><c>/admin/accounts/{platform}/{client}</c>: one account's status, its delivery log and its recent events.</summary>
internal static class AccountPage
{
    /// <summary>Recent events shown (the inbox's in-memory ring holds at most this many too).</summary>
    private const int RecentEvents = 50;

    public static async Task<IResult> ShowAsync(string platform, string client, IGrainFactory grains, TimeProvider time)
    {
        if (AdminActions.KeyOf(platform, client) is not { } key)
        {
            return AdminHtml.Page("No such account", "<p><a href=\"/admin/\">All accounts</a></p>", StatusCodes.Status404NotFound);
        }
        var overview = await AccountOverview.ReadAsync(grains, key);
        var events = await grains.ForKey<IEventInboxGrain>(key).GetRecentAsync(RecentEvents);
        var s = overview.Status;
        var webhook = overview.Webhook;
        var body = new StringBuilder();
        body.Append("<p><a href=\"/admin/\">All accounts</a></p><table class=\"facts\">");
        Fact(body, "State", s.State.ToWire());
        Fact(body, "Account", s.Account);
        Fact(body, "Cause", overview.Cause);
        Fact(body, "Silo", s.Silo);
        Fact(body, "Started", AdminHtml.Time(s.StartTime));
        Fact(body, "Uptime", AdminJson.Uptime(s, time.GetUtcNow()));
        Fact(body, "Last event", AdminHtml.Time(overview.Inbox.LastEventTime));
        Fact(body, "Messages in/out", $"{overview.Inbox.MessagesIn}/{overview.Inbox.MessagesOut}");
        Fact(body, "check_event pending / dropped", $"{overview.Inbox.Pending} / {overview.Inbox.Dropped}");
        Fact(body, "Webhook", AccountOverview.Destination(webhook.Url) ?? "none");
        Fact(body, "Webhook backlog / delivered / failed / dropped", $"{webhook.Backlog} / {webhook.Delivered} / {webhook.Failed} / {webhook.Dropped}");
        body.Append("</table><h2>Delivery log</h2><table id=\"deliveries\"><thead><tr><th>Time</th><th>Event</th><th>Attempt</th><th>Outcome</th><th>Latency</th></tr></thead><tbody>");
        foreach (var t in webhook.Attempts)
        {
            body.Append($"<tr><td>{AdminHtml.H(AdminHtml.Time(t.Time))}</td><td>{AdminHtml.H(t.EventId)}</td><td>{t.Attempt}</td>")
                .Append($"<td>{AdminHtml.H(AdminJson.Outcome(t))}</td><td>{(int)t.Latency.TotalMilliseconds} ms</td></tr>");
        }
        body.Append("</tbody></table><h2>Recent events</h2><p>Newest first; kept in memory by the account's inbox since its activation.</p>")
            .Append("<table id=\"events\"><thead><tr><th>Time</th><th>Seq</th><th>Type</th><th>From</th><th>Text</th></tr></thead><tbody>");
        foreach (var e in events)
        {
            var m = e.Message;
            var type = m is null ? e.Event ?? e.PostType : $"{e.PostType} {m.Type}";
            var from = m is null ? "" : m.SenderName ?? m.Sender ?? m.SenderId;
            var text = m is null ? string.Join(", ", e.Params.Select(Param)) : m.Content;
            body.Append($"<tr><td>{AdminHtml.H(AdminHtml.Time(e.Time))}</td><td>{e.Seq}</td><td>{AdminHtml.H(type)}</td>")
                .Append($"<td>{AdminHtml.H(from)}</td><td class=\"text\">{AdminHtml.H(text)}</td></tr>");
        }
        body.Append("</tbody></table>");
        return AdminHtml.Page($"Account {key}", body.ToString());
    }

    private static string? Param(EventParam p) =>
        p.Text ?? p.Number?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? p.Contact?.Name ?? p.Group?.Name;

    private static void Fact(StringBuilder body, string name, string? value) =>
        body.Append($"<tr><th>{AdminHtml.H(name)}</th><td>{AdminHtml.H(value)}</td></tr>");
}
