namespace OpenWxCluster.Grains.Account;

/// <summary>
/// An <c>id=@all</c> send in progress: the friends still to reach. Each message's ClientMsgId derives from
/// <see cref="Id"/> and the friend, so one sent again after a silo loss is delivered once upstream.
/// </summary>
[GenerateSerializer, Alias("openwx.Broadcast")]
public sealed class Broadcast
{
    [Id(0)] public required string Id { get; init; }

    /// <summary>Text sent first (may be empty when the broadcast is a media only).</summary>
    [Id(1)] public required string Content { get; init; }

    [Id(2)] public List<string> Remaining { get; set; } = [];

    [Id(3)] public int Sent { get; set; }

    [Id(4)] public int Failed { get; set; }

    /// <summary>The media, uploaded once before the broadcast started, sent by its media_id after the text.</summary>
    [Id(5)] public OutgoingMedia? Media { get; init; }
}
