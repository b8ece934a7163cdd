namespace OpenWxCluster.TestKit;

/// <summary>
/// Waits for a condition by reading it again every few milliseconds until it holds or the (generous) time is up:
/// the one polling loop the tests share, so a test waits on state instead of sleeping for a guessed time.
/// </summary>
public static class Eventually
{
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(20);

    /// <summary>The first value read that satisfies <paramref name="done"/>; a TimeoutException with the last one otherwise.</summary>
    public static async Task<T> ValueAsync<T>(Func<Task<T>> read, Func<T, bool> done, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var value = await read();
            if (done(value))
            {
                return value;
            }
            if (DateTime.UtcNow >= deadline)
            {
                throw new TimeoutException($"{what} not seen within {timeout}; last: {value}");
            }
            await Task.Delay(Step);
        }
    }

    public static Task TrueAsync(Func<Task<bool>> condition, TimeSpan timeout, string what) =>
        ValueAsync(condition, holds => holds, timeout, what);
}
