namespace OpenWxCluster.Emulator.World;

/// <summary>An immutable snapshot of a contact as one account sees it (remark is that account's remark).</summary>
internal sealed record ContactData(
    string Id,
    ContactKind Kind,
    string NickName,
    string RemarkName,
    int Sex,
    string Province,
    string City,
    string Signature,
    string Alias,
    int VerifyFlag,
    long Uin,
    string OwnerWxid,
    IReadOnlyList<MemberData> Members);
