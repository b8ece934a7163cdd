using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;

namespace OpenWxCluster.Protocol.Web;

/// <summary>The non-JSON answers: jslogin and login poll JavaScript, synccheck, and the newloginpage XML.</summary>
internal static partial class WxTextReplies
{
    /// <summary><c>window.QRLogin.code = 200; window.QRLogin.uuid = "xxx==";</c> → the uuid.</summary>
    public static string ParseUuid(string body)
    {
        var compact = WhitespaceRegex().Replace(body, "");
        var code = QrCodeRegex().Match(compact);
        if (!code.Success)
        {
            throw new WxTransportException("jslogin", "unexpected answer");
        }

        var uuid = QrUuidRegex().Match(compact);
        var codeValue = int.Parse(code.Groups[1].ValueSpan, provider: System.Globalization.CultureInfo.InvariantCulture);
        if (codeValue != 200 || !uuid.Success)
        {
            throw new WxRetException("jslogin", codeValue, "no uuid");
        }

        return uuid.Groups[1].Value;
    }

    /// <summary><c>window.code=200;window.redirect_uri="...";</c>.</summary>
    public static LoginPollResult ParseLoginPoll(string body)
    {
        var code = LoginCodeRegex().Match(body);
        if (!code.Success)
        {
            throw new WxTransportException("login", "unexpected answer");
        }

        var redirect = RedirectRegex().Match(body);
        return new LoginPollResult(
            int.Parse(code.Groups[1].ValueSpan, provider: System.Globalization.CultureInfo.InvariantCulture),
            redirect.Success ? redirect.Groups[1].Value : null);
    }

    /// <summary><c>window.synccheck={retcode:"0",selector:"2"}</c>.</summary>
    public static SyncCheckResult ParseSyncCheck(string body)
    {
        var retcode = RetcodeRegex().Match(body);
        var selector = SelectorRegex().Match(body);
        if (!retcode.Success || !selector.Success)
        {
            throw new WxTransportException("synccheck", "unexpected answer");
        }

        return new SyncCheckResult(
            int.Parse(retcode.Groups[1].ValueSpan, provider: System.Globalization.CultureInfo.InvariantCulture),
            int.Parse(selector.Groups[1].ValueSpan, provider: System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// <c>&lt;error&gt;&lt;ret&gt;0&lt;/ret&gt;...&lt;/error&gt;</c> → a session on <paramref name="domain"/>.
    /// ret ≠ 0 (1203: account may not use web WeChat) throws <see cref="WxLoginRefusedException"/>.
    /// </summary>
    public static WxSession ParseNewLoginPage(string body, string domain)
    {
        XElement root;
        try
        {
            root = XElement.Parse(body);
        }
        catch (XmlException ex)
        {
            throw new WxTransportException("webwxnewloginpage", "malformed XML body", ex);
        }

        var retText = (string?)root.Element("ret");
        if (!int.TryParse(retText, System.Globalization.CultureInfo.InvariantCulture, out var ret))
        {
            throw new WxTransportException("webwxnewloginpage", "answer has no ret");
        }

        if (ret != 0)
        {
            throw new WxLoginRefusedException(ret, ((string?)root.Element("message") ?? "").Trim());
        }

        return new WxSession
        {
            Domain = domain,
            Skey = (string?)root.Element("skey") ?? "",
            Sid = (string?)root.Element("wxsid") ?? "",
            Uin = (string?)root.Element("wxuin") ?? "",
            PassTicket = (string?)root.Element("pass_ticket") ?? "",
        };
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhitespaceRegex();

    [GeneratedRegex(@"window\.QRLogin\.code=(\d+)")]
    private static partial Regex QrCodeRegex();

    [GeneratedRegex("window\\.QRLogin\\.uuid=\"([^\"]+)\"")]
    private static partial Regex QrUuidRegex();

    [GeneratedRegex(@"window\.code\s*=\s*(\d+)")]
    private static partial Regex LoginCodeRegex();

    [GeneratedRegex("window\\.redirect_uri\\s*=\\s*\"([^\"]+)\"")]
    private static partial Regex RedirectRegex();

    [GeneratedRegex("retcode\\s*:\\s*\"?(\\d+)")]
    private static partial Regex RetcodeRegex();

    [GeneratedRegex("selector\\s*:\\s*\"?(\\d+)")]
    private static partial Regex SelectorRegex();
}
