using OpenWxCluster.Protocol;

namespace OpenWxCluster.Grains.Contacts;

/// <summary>Wire contacts → Mojo contact records (Mojo's KEY_MAP_* field meanings).</summary>
public static class ContactMapper
{
    // Ids Mojo classifies as 系统帐号.
    private static readonly HashSet<string> SystemIds = new(StringComparer.Ordinal)
    {
        "filehelper", "fmessage", "newsapp", "weixin", "floatbottle", "medianote", "qqmail", "qmessage",
        "qqsync", "tmessage", "weibo", "qqfriend", "recommendcontact", "voicevoip", "blogappweixin",
        "masssendapp", "meishiapp", "feedsapp", "voip", "blogapp", "officialaccounts", "lbsapp", "shakeapp",
        "userexperience_alarm", "notification_messages", "helper_entry", "mphelper", "qqmailbox",
    };

    public static ContactInfo ToFriend(WxContact c) => new()
    {
        Id = c.UserName,
        Name = c.NickName,
        Account = c.Alias,
        Province = c.Province,
        City = c.City,
        Signature = c.Signature,
        Sex = SexName(c.Sex),
        Display = c.DisplayName,
        Markname = c.RemarkName,
        Category = SystemIds.Contains(c.UserName) ? "系统帐号" : (c.VerifyFlag & 8) != 0 ? "公众号" : "好友",
        Uid = c.Uin != 0 ? c.Uin.ToString(System.Globalization.CultureInfo.InvariantCulture) : "",
    };

    /// <summary>The logged-in user: a friend record without a category.</summary>
    public static ContactInfo ToUser(WxContact c) => ToFriend(c) with { Category = "" };

    /// <summary>Group members: Mojo puts NickName in markname and the group card in display; name stays empty.</summary>
    public static ContactInfo ToMember(WxContact c) => new()
    {
        Id = c.UserName,
        Name = "",
        Account = c.Alias,
        Province = c.Province,
        City = c.City,
        Signature = c.Signature,
        Sex = SexName(c.Sex),
        Display = c.DisplayName,
        Markname = c.NickName,
    };

    public static GroupInfo ToGroup(WxContact c) => new()
    {
        Id = c.UserName,
        Name = c.NickName,
        OwnerUid = c.OwnerUin != 0 ? c.OwnerUin.ToString(System.Globalization.CultureInfo.InvariantCulture) : "",
        EncryChatRoomId = c.EncryChatRoomId,
        Members = [.. c.MemberList.Select(ToMember)],
    };

    /// <summary>filehelper is always a friend (Mojo adds it when the contact list lacks it).</summary>
    public static ContactInfo FileHelper { get; } = new()
    {
        Id = "filehelper",
        Name = "文件传输助手",
        Category = "系统帐号",
    };

    private static string SexName(int sex) => sex switch { 1 => "male", 2 => "female", _ => "" };
}
