namespace OpenWxCluster.QqEmulator.World;

// Held OneBot calls (tests of a client's concurrency); apart from the world's lock, which a held call never takes.
public sealed partial class QqWorld
{
    internal ActionHoldPlan Holds { get; } = new();

    /// <summary>Holds the next <paramref name="count"/> calls of <paramref name="action"/> until <see cref="ReleaseHeld"/>.</summary>
    public void HoldActions(string action, int count) => Holds.Arm(action, count);

    /// <summary>OneBot calls held now.</summary>
    public int HeldActions => Holds.Hold.Held;

    /// <summary>Lets the held calls go on.</summary>
    public void ReleaseHeld() => Holds.Hold.Release();
}
