namespace OpenWxCluster.Protocol;

/// <summary>A cookie set by an upstream host (domain kept so wxuin's domain can restore the account domain).</summary>
public sealed record WxCookie(string Name, string Value, string Domain);
