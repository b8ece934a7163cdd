namespace OpenWxCluster.QqProtocol;

/// <summary><c>get_login_info</c>: the logged-in account.</summary>
public sealed record QqLoginInfo(long UserId, string Nickname);
