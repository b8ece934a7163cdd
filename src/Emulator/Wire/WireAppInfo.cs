namespace OpenWxCluster.Emulator.Wire;

public sealed record WireAppInfo(string AppID, int Type)
{
    public static WireAppInfo Empty { get; } = new("", 0);
}
