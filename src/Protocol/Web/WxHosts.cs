namespace OpenWxCluster.Protocol.Web;

/// <summary>Host names derived from the account domain {d} (wx2.qq.com → login.wx2.qq.com ...).</summary>
public static class WxHosts
{
    /// <summary>The QR image is always served by this host, whatever the account domain.</summary>
    public const string QrHost = "login.weixin.qq.com";

    public static string Login(string domain) => "login." + domain;

    /// <summary>What the login QR encodes (the phone opens it): a terminal can draw the same code from it.</summary>
    public static string QrPayload(string uuid) => $"https://{QrHost}/l/{uuid}";

    public static string WebPush(string domain) => "webpush." + domain;

    public static string File(string domain) => "file." + domain;

    /// <summary>Absolute https URL on a host, with an already encoded query (may be empty).</summary>
    public static Uri Url(string host, string path, string query = "") =>
        new(query.Length == 0 ? $"https://{host}{path}" : $"https://{host}{path}?{query}");

    /// <summary>Path of a main-host CGI, e.g. <c>webwxinit</c> → <c>/cgi-bin/mmwebwx-bin/webwxinit</c>.</summary>
    public static string Cgi(string name) => "/cgi-bin/mmwebwx-bin/" + name;
}
