using System.Text;
using OpenWxCluster.Emulator.Sessions;
using OpenWxCluster.Emulator.World;

namespace OpenWxCluster.Emulator.Wire;

/// <summary>Renders stable-id snapshots into one session's wire view (its UserNames, its skey in avatar URLs).</summary>
internal static class WireRenderer
{
    public static WireContact Contact(EmuSession s, ContactData c, bool withMembers)
    {
        var isGroup = c.Kind == ContactKind.Group;
        var isFriendish = c.Kind != ContactKind.Group || !string.IsNullOrEmpty(c.RemarkName);
        return new WireContact
        {
            Uin = 0,
            UserName = s.Names.NameOf(c.Id),
            NickName = c.NickName,
            HeadImgUrl = HeadImgUrl(s, c.Id),
            ContactFlag = isFriendish ? 3 : 2,
            MemberCount = c.Members.Count,
            MemberList = withMembers ? [.. c.Members.Select(m => Member(s, m))] : [],
            RemarkName = c.RemarkName,
            Sex = c.Sex,
            Signature = c.Signature,
            VerifyFlag = c.VerifyFlag,
            OwnerUin = isGroup ? c.Uin : 0,
            PYInitial = Initials(c.NickName),
            PYQuanPin = QuanPin(c.NickName),
            RemarkPYInitial = Initials(c.RemarkName),
            RemarkPYQuanPin = QuanPin(c.RemarkName),
            AppAccountFlag = c.Kind == ContactKind.PublicAccount ? 1 : 0,
            Province = c.Province,
            City = c.City,
            Alias = c.Alias,
            SnsFlag = c.Kind == ContactKind.User ? 1 : 0,
            KeyWord = c.Id.Length >= 3 ? c.Id[..3] : c.Id,
            EncryChatRoomId = isGroup ? s.Names.EncryChatRoomIdOf(c.Id) : "",
            IsOwner = isGroup && c.OwnerWxid == s.Wxid ? 1 : 0,
        };
    }

    public static WireMember Member(EmuSession s, MemberData m) =>
        new(0, s.Names.NameOf(m.Wxid), m.NickName, 0, Initials(m.NickName), QuanPin(m.NickName), "", "", 0, m.DisplayName, "");

    public static WireSelfUser Self(EmuSession s, ContactData self) => new()
    {
        Uin = s.Uin,
        UserName = s.SelfUserName,
        NickName = self.NickName,
        HeadImgUrl = HeadImgUrl(s, self.Id),
        PYInitial = Initials(self.NickName),
        PYQuanPin = QuanPin(self.NickName),
        Sex = self.Sex,
        Signature = self.Signature,
        Alias = self.Alias,
        Province = self.Province,
        City = self.City,
        WebWxPluginSwitch = 3,
    };

    public static WireMessage Message(EmuSession s, EmuMessage m)
    {
        // System messages (10000 notices, 10002 revokes) carry no speaker prefix even in groups.
        var content = m.SpeakerId is { } speaker && m.MsgType < 10000 ? $"{s.Names.NameOf(speaker)}:<br/>{m.Content}" : m.Content;
        return new WireMessage
        {
            MsgId = m.MsgId.ToString(),
            FromUserName = s.Names.NameOf(m.FromId),
            ToUserName = s.Names.NameOf(m.ToId),
            MsgType = m.MsgType,
            Content = content,
            CreateTime = m.CreateTime,
            FileName = m.FileName,
            FileSize = m.FileSize,
            MediaId = m.MediaId,
            Url = m.Url,
            AppMsgType = m.AppMsgType,
            StatusNotifyCode = m.StatusNotifyCode,
            StatusNotifyUserName = string.Join(',', m.StatusNotifyIds.Select(s.Names.NameOf)),
            RecommendInfo = m.Recommend is { } r
                ? new WireRecommendInfo(s.Names.NameOf(r.Wxid), r.NickName, 0, r.Province, r.City, r.Content, "", r.Alias, r.Scene, 0, 0, r.Sex, r.Ticket, 2)
                : WireRecommendInfo.Empty,
            ImgWidth = m.ImgWidth,
            ImgHeight = m.ImgHeight,
            PlayLength = m.PlayLength,
            VoiceLength = m.VoiceLength,
            NewMsgId = m.MsgId,
        };
    }

    /// <summary>SyncKey: 1 = session base, 2 = last delivered event seq, 3 = contact seq, 1000 = time.</summary>
    public static WireSyncKey SyncKey(EmuSession s, long ack) =>
        Key([(1, s.SyncBase), (2, ack), (3, ack), (1000, DateTimeOffset.UtcNow.ToUnixTimeSeconds())]);

    /// <summary>
    /// SyncCheckKey is for synccheck only: key 11 is the newest delivered seq (what synccheck compares), while key 2
    /// still holds the position the request confirmed. A client that confirms webwxsync with it instead of SyncKey
    /// therefore presents a stale key 2 and gets the same events again, as on the real service.
    /// </summary>
    public static WireSyncKey SyncCheckKey(EmuSession s, long confirmedAck, long ack)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        return Key([(1, s.SyncBase), (2, confirmedAck), (3, ack), (11, ack), (201, now), (1000, now), (1001, now)]);
    }

    public static string HeadImgUrl(EmuSession s, string id)
    {
        var cgi = WorldIds.IsGroup(id) ? "webwxgetheadimg" : "webwxgeticon";
        return $"/cgi-bin/mmwebwx-bin/{cgi}?seq={s.Names.HeadSeqOf(id)}&username={s.Names.NameOf(id)}&skey={s.Skey}";
    }

    private static WireSyncKey Key(IReadOnlyList<(int Key, long Val)> items) =>
        new(items.Count, [.. items.Select(i => new WireSyncKeyItem(i.Key, i.Val))]);

    /// <summary>Only ASCII letters are "romanised"; real pinyin is out of scope and clients only use it for sorting.</summary>
    private static string QuanPin(string name) =>
        new([.. name.Where(char.IsAsciiLetterOrDigit).Select(char.ToLowerInvariant)]);

    private static string Initials(string name)
    {
        var sb = new StringBuilder();
        foreach (var word in name.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (char.IsAsciiLetter(word[0]))
            {
                sb.Append(char.ToUpperInvariant(word[0]));
            }
        }

        return sb.ToString();
    }
}
