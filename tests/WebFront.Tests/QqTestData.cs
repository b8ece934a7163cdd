namespace OpenWxCluster.WebFront.Tests;

/// <summary>QQ contacts as the QQ grain keeps them: id == uid == the QQ (or group) number.</summary>
public static class QqTestData
{
    public static ContactInfo Self { get; } = new() { Id = "10001", Uid = "10001", Name = "机器人", Sex = "female" };

    public static ContactInfo Xiaohui { get; } = new()
    {
        Id = "20001", Uid = "20001", Name = "小灰", Markname = "灰灰", Category = "我的好友", Sex = "male",
    };

    public static ContactInfo Xiaohei { get; } = new() { Id = "20002", Uid = "20002", Name = "小黑", Category = "我的好友" };

    public static GroupInfo PerlGroup { get; } = new()
    {
        Id = "30001",
        Uid = "30001",
        Name = "PERL学习交流",
        OwnerUid = "20001",
        Members =
        [
            new ContactInfo { Id = "10001", Uid = "10001", Name = "机器人", Display = "bot", Role = "admin" },
            new ContactInfo { Id = "20001", Uid = "20001", Name = "小灰", Role = "owner" },
            new ContactInfo { Id = "20003", Uid = "20003", Name = "路人", Display = "甲", Role = "attend" },
        ],
    };

    public static GroupInfo OtherGroup { get; } = new() { Id = "30002", Uid = "30002", Name = "闲聊", OwnerUid = "20002" };

    public static FakeQqAccountGrain RunningBot(this FakeGrainFactory grains, string client = "default") =>
        grains.RunningQq(client, Self, [Xiaohui, Xiaohei], [PerlGroup, OtherGroup]);
}
