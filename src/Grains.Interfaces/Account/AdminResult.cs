namespace OpenWxCluster.Contracts;

/// <summary>
/// The outcome of an administration call (remark, stick, friend requests): Mojo's code and status text, e.g.
/// 0 success, 201 upstream failure, 100 not found, 101 refused, 200 empty list, -2 not running. <see cref="Id"/>
/// names what the call created or acted on (create_group's new group, revoke_message's message).
/// </summary>
[GenerateSerializer, Immutable, Alias("openwx.AdminResult")]
public sealed record AdminResult(
    [property: Id(0)] int Code,
    [property: Id(1)] string Status,
    [property: Id(2)] string? Id = null)
{
    public bool IsSuccess => Code == AdminCodes.Success;
}
