namespace OpenWxCluster.Protocol;

/// <summary>An AddMsgList entry that is a Mojo message (friend_message, group_message or group_notice).</summary>
public sealed record WxMessageItem(WxMessage Message) : WxParsedItem;
