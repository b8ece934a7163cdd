using System.Net;

namespace OpenWxCluster.QqEmulator;

/// <summary>Where the emulator listens and how it authenticates and reports, as a OneBot v11 config would say.</summary>
public sealed class QqEmulatorOptions
{
    public IPAddress ListenAddress { get; init; } = IPAddress.Loopback;

    /// <summary>0 picks a free port (tests); the spec's default is 5700.</summary>
    public int Port { get; init; }

    /// <summary>auth.access_token: when set, every OneBot call must carry it (401 missing, 403 wrong).</summary>
    public string? AccessToken { get; init; }

    /// <summary>http_post.secret: when set, every event POST carries <c>X-Signature: sha1=&lt;hmac&gt;</c>.</summary>
    public string? Secret { get; init; }

    /// <summary>http_post.urls: every event of every bot is posted to each, in order.</summary>
    public IReadOnlyList<Uri> PostUrls { get; init; } = [];

    /// <summary>heartbeat interval; null switches heartbeats off (the spec's default).</summary>
    public TimeSpan? HeartbeatInterval { get; init; }

    /// <summary>event.message_format: <c>array</c> (NapCat's default) or <c>string</c> (CQ codes).</summary>
    public string MessageFormat { get; init; } = "array";

    /// <summary>ws_reverse universal URLs: each online bot keeps one connection to each.</summary>
    public IReadOnlyList<Uri> ReverseWsUrls { get; init; } = [];

    /// <summary>ws_reverse.reconnect_interval (spec default 3000 ms).</summary>
    public TimeSpan ReconnectInterval { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>Demo mode: the <see cref="Demo.QqDemo"/> world is seeded and its people chat every <see cref="DemoChatInterval"/>.</summary>
    public bool Demo { get; init; }

    /// <summary>When set, <c>/control</c> needs <c>Authorization: Bearer &lt;token&gt;</c>.</summary>
    public string? ControlToken { get; init; }

    public TimeSpan DemoChatInterval { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Actions this implementation lacks, answered as unknown (HTTP 404, WS 1404): e.g. <c>send_discuss_msg</c> to play
    /// NapCat, which has no discuss groups, or <c>get_friends_with_category</c> for a plain OneBot v11 one (go-cqhttp).
    /// </summary>
    public IReadOnlySet<string> UnsupportedActions { get; init; } = new HashSet<string>(StringComparer.Ordinal);
}
