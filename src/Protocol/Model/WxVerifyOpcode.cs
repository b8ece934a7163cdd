namespace OpenWxCluster.Protocol;

/// <summary>webwxverifyuser opcodes Mojo uses (the web client defines more).</summary>
public enum WxVerifyOpcode
{
    /// <summary>Send a friend request (make_friend), empty ticket.</summary>
    SendRequest = 2,

    /// <summary>Accept a friend request with the ticket from its RecommendInfo.</summary>
    VerifyOk = 3,
}
