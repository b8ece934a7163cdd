using Microsoft.Extensions.Options;
using OpenWxCluster.Protocol.Web;

namespace OpenWxCluster.Protocol.Tests.Support;

/// <summary>Drivers over a real HttpClient whose last handler is a <see cref="RecordingHandler"/>.</summary>
public static class TestDrivers
{
    public static WebWxDriver Create(RecordingHandler handler, Action<WebWxOptions>? configure = null)
    {
        var options = new WebWxOptions();
        configure?.Invoke(options);
        return new WebWxDriver(new HttpClient(handler), Options.Create(options));
    }

    /// <summary>A logged-in session on wx2.qq.com with recognisable secrets.</summary>
    public static WxSession Session() => new()
    {
        Domain = "wx2.qq.com",
        Uin = "2100000001",
        Sid = "SIDSECRET01",
        Skey = "@crypt_SKEYSECRET",
        PassTicket = "PT/SECRET+1=",
        UserName = "@self0000",
        SyncKey = new WxSyncKey([new WxSyncKeyItem(1, 100), new WxSyncKeyItem(2, 200)]),
    };

    public const string OkBase = "\"BaseResponse\":{\"Ret\":0,\"ErrMsg\":\"\"}";
}
