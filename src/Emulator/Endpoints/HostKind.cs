namespace OpenWxCluster.Emulator.Endpoints;

/// <summary>Which upstream host an endpoint lives on (checked through X-Upstream-Host).</summary>
internal enum HostKind
{
    /// <summary>login.{d}: jslogin and the login poll (before login {d} is not known yet, so any login.* host).</summary>
    Login,

    /// <summary>login.weixin.qq.com (fixed) or login.*: the QR image.</summary>
    QrImage,

    /// <summary>{d} itself: webwx* calls.</summary>
    Main,

    /// <summary>webpush.{d}: synccheck.</summary>
    WebPush,

    /// <summary>file.{d}: media upload and download.</summary>
    File,
}
