namespace OpenWxCluster.WebFront;

/// <summary>
/// The console's style and script, embedded (no build tool, no CDN: nothing outside loopback may be reachable). The
/// script polls <c>/admin/api/accounts</c> and redraws the account rows with DOM text nodes only, never HTML.
/// </summary>
internal static class AdminAssets
{
    /// <summary>Poll period of the list page: a scanned QR shows its next state within about this long.</summary>
    public const int PollMilliseconds = 1500;

    public const string Style = """
        body { font-family: system-ui, sans-serif; margin: 1.5rem; color: #222; }
        table { border-collapse: collapse; margin: .5rem 0 1.5rem; }
        th, td { border: 1px solid #ccc; padding: .25rem .5rem; text-align: left; vertical-align: top; }
        td.text { white-space: pre-wrap; max-width: 40rem; }
        img.qr { width: 160px; height: 160px; image-rendering: pixelated; }
        form { display: inline-block; margin: 0 .25rem .25rem 0; }
        label { margin-right: .5rem; }
        .bar { display: flex; gap: 1rem; align-items: center; }
        .notice { background: #eef6ff; padding: .5rem; }
        .error { background: #fff0f0; padding: .5rem; }
        """;

    public static readonly string Script = """
        'use strict';
        (() => {
          const table = document.getElementById('accounts');
          if (!table) return;
          const body = table.tBodies[0];
          const images = new Map();
          const cell = (row, cls, text) => {
            const td = row.insertCell();
            td.className = cls;
            if (text !== undefined && text !== null) td.textContent = String(text);
            return td;
          };
          const button = (action, cls, label) => {
            const form = document.createElement('form');
            form.method = 'post';
            form.action = action;
            const b = document.createElement('button');
            b.type = 'submit';
            b.className = cls;
            b.textContent = label;
            form.appendChild(b);
            return form;
          };
          const render = (accounts) => {
            const rows = [];
            const seen = new Map();
            for (const a of accounts) {
              const row = document.createElement('tr');
              row.dataset.key = a.key;
              const path = '/admin/accounts/' + encodeURIComponent(a.platform) + '/' + encodeURIComponent(a.client);
              const key = cell(row, 'key');
              const link = document.createElement('a');
              link.href = path;
              link.textContent = a.key;
              key.append(link, ' ', a.account || '');
              cell(row, 'state', a.state);
              cell(row, 'cause', a.cause);
              cell(row, 'silo', a.silo);
              cell(row, 'uptime', a.uptime);
              cell(row, 'last-event', a.last_event_time);
              cell(row, 'messages', a.messages_in + '/' + a.messages_out);
              cell(row, 'backlog', a.webhook.backlog);
              cell(row, 'deliveries', a.webhook.last.map(t => t.outcome).join(', '));
              const qr = cell(row, 'qr');
              if (a.qr) {
                // The same element while the QR is the same, so it does not flicker at each poll.
                let img = images.get(a.key);
                if (!img || img.getAttribute('src') !== a.qr) {
                  img = document.createElement('img');
                  img.className = 'qr';
                  img.alt = 'login QR';
                  img.src = a.qr;
                }
                seen.set(a.key, img);
                qr.appendChild(img);
              }
              const actions = cell(row, 'actions');
              if (a.state !== 'stop') {
                actions.appendChild(button(path + '/stop', 'stop', 'Stop'));
                actions.appendChild(button(path + '/relogin', 'relogin', 'Relogin'));
              }
              rows.push(row);
            }
            images.clear();
            for (const [k, v] of seen) images.set(k, v);
            body.replaceChildren(...rows);
          };
          const refresh = async () => {
            try {
              const reply = await fetch('/admin/api/accounts', { credentials: 'same-origin', cache: 'no-store' });
              if (reply.status === 401) { window.location.assign('/admin/login'); return; }
              if (reply.ok) {
                render((await reply.json()).accounts);
                document.getElementById('updated').textContent = new Date().toISOString();
              }
            } catch (e) {
              // The next poll tries again (a restarting host, a dropped connection).
            }
            setTimeout(refresh, PERIOD);
          };
          for (const img of body.querySelectorAll('img.qr')) images.set(img.closest('tr').dataset.key, img);
          setTimeout(refresh, PERIOD);
        })();
        """.Replace("PERIOD", PollMilliseconds.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
}
