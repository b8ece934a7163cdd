
namespace OpenWxCluster.WebFront.Tests;

/// <summary>Contacts shaped like web WeChat's, reused across tests.</summary>
public static class TestData
{
    public static ContactInfo Xiaohui { get; } = new()
    {
        Id = "@00227d73fa6b8326f69bca419db7a05c",
        Name = "小灰",
        Account = "xiaohui",
        Province = "广东",
        City = "深圳",
        Signature = "小灰灰的个性签名",
        Sex = "male",
        Markname = "灰灰",
        Category = "好友",
    };

    public static ContactInfo WxPay { get; } = new()
    {
        Id = "@efc5f86c30df4b9c80e98ac428e0e257",
        Name = "微信支付",
        Account = "wxzhifu",
        Province = "广东",
        Category = "公众号",
    };

    public static ContactInfo FileHelper { get; } = new()
    {
        Id = "filehelper",
        Name = "文件传输助手",
        Category = "系统帐号",
    };

    public static GroupInfo PerlGroup { get; } = new()
    {
        Id = "@@2617047292",
        Name = "PERL学习交流",
        OwnerUid = "",
        Members =
        [
            new ContactInfo { Id = "@m1", Markname = "灰太狼", Display = "狼堡主" },
            new ContactInfo { Id = "@m2", Markname = "喜羊羊" },
        ],
    };

    public static GroupInfo UnnamedGroup { get; } = new()
    {
        Id = "@@unnamed",
        Members =
        [
            new ContactInfo { Id = "@a", Markname = "甲" },
            new ContactInfo { Id = "@b", Display = "乙" },
            new ContactInfo { Id = "@c" },
            new ContactInfo { Id = "@d", Markname = "丁" },
        ],
    };
}
