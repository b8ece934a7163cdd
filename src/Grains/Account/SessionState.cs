using OpenWxCluster.Protocol;

namespace OpenWxCluster.Grains.Account;

/// <summary>
/// The persisted copy of a <see cref="WxSession"/> (the protocol library has no Orleans types). Holding it in grain
/// storage is what lets an account resume on any silo without a new scan while upstream accepts the session.
/// </summary>
[GenerateSerializer, Alias("openwx.SessionState")]
public sealed class SessionState
{
    [Id(0)] public string Domain { get; set; } = "";
    [Id(1)] public string Uin { get; set; } = "";
    [Id(2)] public string Sid { get; set; } = "";
    [Id(3)] public string Skey { get; set; } = "";
    [Id(4)] public string PassTicket { get; set; } = "";
    [Id(5)] public string UserName { get; set; } = "";
    [Id(6)] public List<KeyValuePair<int, long>> SyncKey { get; set; } = [];
    [Id(7)] public List<KeyValuePair<int, long>>? SyncCheckKey { get; set; }
    [Id(8)] public List<SessionCookie> Cookies { get; set; } = [];

    public static SessionState From(WxSession s) => new()
    {
        Domain = s.Domain,
        Uin = s.Uin,
        Sid = s.Sid,
        Skey = s.Skey,
        PassTicket = s.PassTicket,
        UserName = s.UserName,
        SyncKey = ToPairs(s.SyncKey),
        SyncCheckKey = s.SyncCheckKey is null ? null : ToPairs(s.SyncCheckKey),
        Cookies = [.. s.Cookies.Values.Select(c => new SessionCookie(c.Name, c.Value, c.Domain))],
    };

    public WxSession ToSession() => new()
    {
        Domain = Domain,
        Uin = Uin,
        Sid = Sid,
        Skey = Skey,
        PassTicket = PassTicket,
        UserName = UserName,
        SyncKey = FromPairs(SyncKey),
        SyncCheckKey = SyncCheckKey is null ? null : FromPairs(SyncCheckKey),
        Cookies = Cookies.ToDictionary(c => c.Name, c => new WxCookie(c.Name, c.Value, c.Domain), StringComparer.Ordinal),
    };

    private static List<KeyValuePair<int, long>> ToPairs(WxSyncKey key) => [.. key.List.Select(i => KeyValuePair.Create(i.Key, i.Val))];

    private static WxSyncKey FromPairs(List<KeyValuePair<int, long>> pairs) => new([.. pairs.Select(p => new WxSyncKeyItem(p.Key, p.Value))]);
}
