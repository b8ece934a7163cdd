using System.Text.Json;

namespace OpenWxCluster.Protocol.Web;

/// <summary>Reads web WeChat contact objects (User, ContactList, MemberList, ModContactList entries).</summary>
internal static class WxContactReader
{
    public static WxContact Read(JsonElement e) => new()
    {
        UserName = WxJson.Str(e, "UserName"),
        NickName = WxJson.Str(e, "NickName"),
        RemarkName = WxJson.Str(e, "RemarkName"),
        DisplayName = WxJson.Str(e, "DisplayName"),
        Alias = WxJson.Str(e, "Alias"),
        Province = WxJson.Str(e, "Province"),
        City = WxJson.Str(e, "City"),
        Signature = WxJson.Str(e, "Signature"),
        Sex = WxJson.Int(e, "Sex"),
        VerifyFlag = WxJson.Int(e, "VerifyFlag"),
        Uin = WxJson.Long(e, "Uin"),
        OwnerUin = WxJson.Long(e, "OwnerUin"),
        HeadImgUrl = WxJson.Str(e, "HeadImgUrl"),
        EncryChatRoomId = WxJson.Str(e, "EncryChatRoomId"),
        MemberList = ReadList(e, "MemberList"),
    };

    /// <summary>Reads an array of contacts, skipping entries without a UserName.</summary>
    public static IReadOnlyList<WxContact> ReadList(JsonElement parent, string name) =>
        WxJson.Array(parent, name).Select(Read).Where(c => c.UserName.Length > 0).ToList();
}
