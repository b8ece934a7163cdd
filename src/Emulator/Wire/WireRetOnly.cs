namespace OpenWxCluster.Emulator.Wire;

/// <summary>The answer of a JSON call that failed validation (or has nothing else to say).</summary>
public sealed record WireRetOnly(WireBaseResponse BaseResponse);
