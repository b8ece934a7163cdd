using System.Text;

namespace OpenWxCluster.WebFront;

/// <summary>
/// <c>/admin/</c>: every account with its state, and the start forms. Rendered here; the page's script then polls
/// <c>/admin/api/accounts</c> and redraws the rows (same columns), so QR codes and new states appear without a reload.
/// </summary>
internal static class AccountListPage
{
    public static async Task<IResult> ShowAsync(HttpContext http, IGrainFactory grains, TimeProvider time)
    {
        var accounts = await AccountOverview.ListAsync(grains);
        var now = time.GetUtcNow();
        var rows = new StringBuilder();
        foreach (var account in accounts)
        {
            rows.Append(Row(account, now));
        }
        var notice = http.Request.Query["notice"].ToString();
        var body = $"""
            <p class="bar"><span>Updated <span id="updated">{AdminHtml.H(AdminHtml.Time(now))}</span></span>
            <form method="post" action="/admin/logout"><button type="submit">Log out</button></form></p>
            {(notice.Length > 0 ? $"<p class=\"notice\" id=\"notice\">{AdminHtml.H(notice)}</p>" : "")}
            <table id="accounts">
            <thead><tr><th>Account</th><th>State</th><th>Cause</th><th>Silo</th><th>Uptime</th><th>Last event</th>
            <th>Messages in/out</th><th>Webhook backlog</th><th>Last deliveries</th><th>QR</th><th>Actions</th></tr></thead>
            <tbody>{rows}</tbody>
            </table>
            <h2>Start a WeChat account</h2>
            <form method="post" action="/admin/start/wx" id="start-wx">
              <label>Client <input name="client" id="wx-client" required maxlength="128"></label>
              <button type="submit">Start</button>
            </form>
            <h2>Start a QQ account</h2>
            <form method="post" action="/admin/start/qq" id="start-qq">
              <label>Client <input name="client" required maxlength="128"></label>
              <label>OneBot URL <input name="onebot_url" type="url" required placeholder="http://127.0.0.1:3000"></label>
              <label>OneBot token <input name="onebot_token" type="password" autocomplete="off"></label>
              <label>OneBot secret <input name="onebot_secret" type="password" autocomplete="off"></label>
              <button type="submit">Start</button>
            </form>
            """;
        return AdminHtml.Page("OpenWxCluster accounts", body);
    }

    private static string Row(AccountOverview a, DateTimeOffset now)
    {
        var s = a.Status;
        var path = $"/admin/accounts/{AdminHtml.Segment(a.Platform)}/{AdminHtml.Segment(a.Client)}";
        var deliveries = string.Join(", ", a.Webhook.Attempts.Take(AdminJson.ListedAttempts).Select(AdminJson.Outcome));
        var qr = a.HasQr ? $"<img class=\"qr\" alt=\"login QR\" src=\"{AdminHtml.H($"/admin/api/accounts/{AdminHtml.Segment(a.Platform)}/{AdminHtml.Segment(a.Client)}/qr?n={s.QrCodeCount}")}\">" : "";
        return $"""
            <tr data-key="{AdminHtml.H(a.Key)}"><td class="key"><a href="{AdminHtml.H(path)}">{AdminHtml.H(a.Key)}</a> {AdminHtml.H(s.Account)}</td>
            <td class="state">{AdminHtml.H(s.State.ToWire())}</td><td class="cause">{AdminHtml.H(a.Cause)}</td>
            <td class="silo">{AdminHtml.H(s.Silo)}</td><td class="uptime">{AdminHtml.H(AdminJson.Uptime(s, now))}</td>
            <td class="last-event">{AdminHtml.H(AdminHtml.Time(a.Inbox.LastEventTime))}</td>
            <td class="messages">{a.Inbox.MessagesIn}/{a.Inbox.MessagesOut}</td><td class="backlog">{a.Webhook.Backlog}</td>
            <td class="deliveries">{AdminHtml.H(deliveries)}</td><td class="qr">{qr}</td>
            <td class="actions">{Actions(a, path)}</td></tr>
            """;
    }

    private static string Actions(AccountOverview a, string path)
    {
        if (!a.Status.IsStarted)
        {
            return "";
        }
        // Relogin: QQ reads its profile and contacts again; WeChat logs out and shows a new QR (Mojo's relogin).
        return $"<form method=\"post\" action=\"{AdminHtml.H(path)}/stop\"><button class=\"stop\" type=\"submit\">Stop</button></form>"
            + $"<form method=\"post\" action=\"{AdminHtml.H(path)}/relogin\"><button class=\"relogin\" type=\"submit\">Relogin</button></form>";
    }
}
