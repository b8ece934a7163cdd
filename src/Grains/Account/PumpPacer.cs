namespace OpenWxCluster.Grains.Account;

/// <summary>
/// Decides after each pump step whether the next one follows at once, so a message is not held back by a pause
/// between two synccheck calls. A step whose long-poll was held at least <c>interval</c> (a normal idle synccheck)
/// has already spent the pause; a step that advanced (a batch with content, a login step done) follows at once up to
/// <c>maxQuickSteps</c> in a row. A quick answer with nothing new (an upstream that does not hold) rests an interval,
/// so no upstream answer can make the pump spin.
/// </summary>
public sealed class PumpPacer(TimeSpan interval, int maxQuickSteps)
{
    private int _quickSteps;

    /// <summary>True when the next step should follow at once; false when it waits the interval.</summary>
    public bool NextAtOnce(bool advanced, TimeSpan took)
    {
        if (took >= interval)
        {
            _quickSteps = 0;
            return true;
        }
        if (advanced && _quickSteps < maxQuickSteps)
        {
            _quickSteps++;
            return true;
        }
        _quickSteps = 0;
        return false;
    }

    /// <summary>After a failure: the error back-off is the pause.</summary>
    public void Reset() => _quickSteps = 0;
}
