namespace OpenWxCluster.Emulator.Wire;

public sealed record WireBaseResponse(int Ret, string ErrMsg)
{
    public static WireBaseResponse Ok { get; } = new(0, "");
}
