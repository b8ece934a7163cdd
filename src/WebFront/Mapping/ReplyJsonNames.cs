using System.Text.Json;

namespace OpenWxCluster.WebFront;

/// <summary>
/// Property names of the replies written straight to the response (contacts and groups of Openwx and Openqq, send
/// receipts), escaped once instead of on every write.
/// </summary>
internal static class ReplyJsonNames
{
    public static readonly JsonEncodedText Id = JsonEncodedText.Encode("id");
    public static readonly JsonEncodedText Uid = JsonEncodedText.Encode("uid");
    public static readonly JsonEncodedText Name = JsonEncodedText.Encode("name");
    public static readonly JsonEncodedText Account = JsonEncodedText.Encode("account");
    public static readonly JsonEncodedText Province = JsonEncodedText.Encode("province");
    public static readonly JsonEncodedText City = JsonEncodedText.Encode("city");
    public static readonly JsonEncodedText Signature = JsonEncodedText.Encode("signature");
    public static readonly JsonEncodedText Sex = JsonEncodedText.Encode("sex");
    public static readonly JsonEncodedText Display = JsonEncodedText.Encode("display");
    public static readonly JsonEncodedText Markname = JsonEncodedText.Encode("markname");
    public static readonly JsonEncodedText Category = JsonEncodedText.Encode("category");
    public static readonly JsonEncodedText DisplayName = JsonEncodedText.Encode("displayname");
    public static readonly JsonEncodedText OwnerUid = JsonEncodedText.Encode("owner_uid");
    public static readonly JsonEncodedText Member = JsonEncodedText.Encode("member");
    public static readonly JsonEncodedText Qq = JsonEncodedText.Encode("qq");
    public static readonly JsonEncodedText State = JsonEncodedText.Encode("state");
    public static readonly JsonEncodedText ClientType = JsonEncodedText.Encode("client_type");
    public static readonly JsonEncodedText Card = JsonEncodedText.Encode("card");
    public static readonly JsonEncodedText Role = JsonEncodedText.Encode("role");
    public static readonly JsonEncodedText Gid = JsonEncodedText.Encode("gid");
    public static readonly JsonEncodedText Gnumber = JsonEncodedText.Encode("gnumber");
    public static readonly JsonEncodedText OwnerId = JsonEncodedText.Encode("owner_id");
    public static readonly JsonEncodedText Code = JsonEncodedText.Encode("code");
    public static readonly JsonEncodedText Status = JsonEncodedText.Encode("status");
    public static readonly JsonEncodedText Info = JsonEncodedText.Encode("info");
}
