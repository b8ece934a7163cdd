namespace OpenWxCluster.Grains.Account;

/// <summary>
/// An <c>id=@all</c> send in progress: the friends still to reach. Each message's ClientMsgId derives from
/// <see cref="Id"/> and the friend, so one sent again after a silo loss is delivered once upstream.
/// </summary>
[GenerateSerializer, Alias("openwx.Broadcast")]
public sealed class Broadcast
{
    [Id(0)] public required string Id { get; init; }

    [Id(1)] public required string Content { get; init; }

    [Id(2)] public List<string> Remaining { get; set; } = [];

    [Id(3)] public int Sent { get; set; }

    [Id(4)] public int Failed { get; set; }
}
