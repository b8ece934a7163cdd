namespace OpenWxCluster.Contracts;

/// <summary>
/// One wait for a consult's reply: <see cref="Done"/> once the friend answered (<see cref="Reply"/>) or the consult's
/// timeout passed (no reply); otherwise the caller asks again (a single wait stays below the Orleans call timeout).
/// </summary>
[GenerateSerializer, Immutable, Alias("openwx.ConsultReply")]
public sealed record ConsultReply([property: Id(0)] bool Done, [property: Id(1)] ChatMessage? Reply);
