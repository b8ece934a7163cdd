using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace OpenWxCluster.Protocol.Web;

/// <summary>
/// The web WeChat protocol over one shared HttpClient. Stateless: every account's state lives in the
/// <see cref="WxSession"/> passed in, so one instance serves all accounts concurrently.
/// This part holds the QR login steps; the other parts hold the session, sync and messaging CGIs.
/// </summary>
public sealed partial class WebWxDriver : IWxProtocolDriver
{
    /// <summary>The web client's appid, sent to jslogin.</summary>
    public const string AppId = "wx782c26e4c19acffb";

    private readonly WxHttpTransport _transport;
    private readonly WebWxOptions _options;

    public WebWxDriver(HttpClient httpClient, IOptions<WebWxOptions> options, ILogger<WebWxDriver>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _transport = new WxHttpTransport(httpClient, _options, logger ?? NullLogger<WebWxDriver>.Instance);
    }

    public async Task<string> GetUuidAsync(CancellationToken cancellationToken = default)
    {
        var domain = _options.DefaultDomain;
        var query = WxRequests.Query(
            ("appid", AppId),
            ("redirect_uri", $"https://{domain}{WxHosts.Cgi("webwxnewloginpage")}"),
            ("fun", "new"),
            ("lang", "zh_CN"),
            ("_", WxStamp.NowMs()));
        var call = new WxHttpCall("jslogin", HttpMethod.Get, WxHosts.Url(WxHosts.Login(domain), "/jslogin", query), domain);
        var reply = await _transport.SendAsync(call, null, cancellationToken).ConfigureAwait(false);
        return WxTextReplies.ParseUuid(reply.Text);
    }

    public async Task<byte[]> GetQrCodeAsync(string uuid, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(uuid);
        var url = WxHosts.Url(WxHosts.QrHost, "/qrcode/" + Uri.EscapeDataString(uuid));
        var call = new WxHttpCall("qrcode", HttpMethod.Get, url, _options.DefaultDomain);
        var reply = await _transport.SendAsync(call, null, cancellationToken).ConfigureAwait(false);
        if (reply.Body.Length == 0)
        {
            throw new WxTransportException("qrcode", "empty body");
        }

        return reply.Body;
    }

    public async Task<LoginPollResult> PollLoginAsync(string uuid, bool scanned, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(uuid);
        var domain = _options.DefaultDomain;
        var query = WxRequests.Query(
            ("loginicon", "true"),
            ("uuid", uuid),
            ("tip", scanned ? 0 : 1),
            ("r", WxStamp.NegatedNow()),
            ("_", WxStamp.NowMs()));
        var url = WxHosts.Url(WxHosts.Login(domain), WxHosts.Cgi("login"), query);
        var call = new WxHttpCall("login", HttpMethod.Get, url, domain) { Timeout = WxTimeoutKind.LongPoll };
        var reply = await _transport.SendAsync(call, null, cancellationToken).ConfigureAwait(false);
        return WxTextReplies.ParseLoginPoll(reply.Text);
    }

    public async Task<WxSession> NewLoginPageAsync(string redirectUri, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(redirectUri);
        if (!Uri.TryCreate(redirectUri, UriKind.Absolute, out var redirect)
            || (redirect.Scheme != Uri.UriSchemeHttps && redirect.Scheme != Uri.UriSchemeHttp))
        {
            throw new ArgumentException("The login redirect must be an absolute http(s) URL.", nameof(redirectUri));
        }

        // The redirect host is the account domain from now on (wx.qq.com, wx2.qq.com, web.wechat.com...).
        var domain = redirect.Host;
        var url = new Uri(redirectUri + "&fun=new&version=v2&lang=zh_CN");
        var call = new WxHttpCall("webwxnewloginpage", HttpMethod.Get, url, domain) { AcceptRedirect = true };
        var jar = new WxSession { Domain = domain };
        var reply = await _transport.SendAsync(call, jar, cancellationToken).ConfigureAwait(false);
        var session = WxTextReplies.ParseNewLoginPage(reply.Text, domain);
        session.Cookies = jar.Cookies;
        return session;
    }
}
