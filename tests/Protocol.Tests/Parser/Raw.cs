namespace OpenWxCluster.Protocol.Tests.Parser;

/// <summary>Raw AddMsgList entries shaped like real web WeChat traffic.</summary>
internal static class Raw
{
    public const string Self = "@5f3c0e2ab7d9c4e1f8a6b3d2c1e0f9a8";
    public const string Friend = "@a1b2c3d4e5f60718293a4b5c6d7e8f90";
    public const string Group = "@@0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
    public const string Member = "@9f8e7d6c5b4a39281706f5e4d3c2b1a0";

    public static WxRawMessage FromFriend(int msgType, string content = "") => new()
    {
        MsgId = "6583429473623521098",
        FromUserName = Friend,
        ToUserName = Self,
        MsgType = msgType,
        Content = content,
        CreateTime = 1700000123,
    };

    public static WxRawMessage FromGroup(int msgType, string content) => FromFriend(msgType, content) with { FromUserName = Group };

    public static WxMessage Message(WxRawMessage raw, string self = Self) =>
        Assert.IsType<WxMessageItem>(WxMessageParser.Parse(raw, self)).Message;
}
