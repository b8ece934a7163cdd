namespace OpenWxCluster.Grains;

/// <summary>
/// The outcome of an administration call (remark, stick, friend requests): Mojo's code and status text, e.g.
/// 0 success, 201 upstream failure, 100 not found, 101 refused, -2 not running.
/// </summary>
[GenerateSerializer, Immutable, Alias("openwx.AdminResult")]
public sealed record AdminResult([property: Id(0)] int Code, [property: Id(1)] string Status)
{
    public bool IsSuccess => Code == AdminCodes.Success;
}
