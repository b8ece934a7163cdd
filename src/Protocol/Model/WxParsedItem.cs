namespace OpenWxCluster.Protocol;

/// <summary>What one AddMsgList entry means to the account: a message, a friend request, or a status notify.</summary>
public abstract record WxParsedItem;
