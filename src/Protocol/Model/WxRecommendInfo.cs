namespace OpenWxCluster.Protocol;

/// <summary>RecommendInfo of friend requests (37) and cards (42).</summary>
public sealed record WxRecommendInfo(string UserName, string NickName, string Content, string Ticket, string Alias = "", string Province = "", string City = "", int Sex = 0);
