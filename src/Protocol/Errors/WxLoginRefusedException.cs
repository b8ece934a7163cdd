namespace OpenWxCluster.Protocol;

/// <summary>webwxnewloginpage answered ret ≠ 0 (1203: this account may not use web WeChat).</summary>
public sealed class WxLoginRefusedException(int ret, string message) : WxRetException("webwxnewloginpage", ret, message);
