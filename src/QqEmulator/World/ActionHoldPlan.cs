using OpenWxCluster.EmulatorShared;

namespace OpenWxCluster.QqEmulator.World;

/// <summary>
/// The next <c>count</c> OneBot API calls of one action are held until released (PUT /control/hold), so a test sees
/// from the upstream's side how many calls a client has in flight at once.
/// </summary>
internal sealed class ActionHoldPlan
{
    private readonly Lock _gate = new();
    private string? _action;
    private int _remaining;

    public RequestHold Hold { get; } = new();

    public void Arm(string? action, int count)
    {
        lock (_gate)
        {
            _action = action;
            _remaining = count;
        }
    }

    /// <summary>Waits while this call of <paramref name="action"/> is held; at once for any other.</summary>
    public Task PassAsync(string action, CancellationToken aborted)
    {
        lock (_gate)
        {
            if (_action != action || _remaining <= 0)
            {
                return Task.CompletedTask;
            }
            _remaining--;
        }
        return Hold.WaitAsync(aborted);
    }
}
