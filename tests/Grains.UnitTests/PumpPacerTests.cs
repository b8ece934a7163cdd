using OpenWxCluster.Grains.Account;

namespace OpenWxCluster.Grains.UnitTests;

public sealed class PumpPacerTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Quick = TimeSpan.FromMilliseconds(3);

    [Fact]
    public void A_quick_answer_with_nothing_new_waits_the_interval()
    {
        var pacer = new PumpPacer(Interval, maxQuickSteps: 100);

        Assert.False(pacer.NextAtOnce(advanced: false, Quick));
        Assert.False(pacer.NextAtOnce(advanced: false, TimeSpan.Zero));
    }

    [Fact]
    public void A_long_poll_held_for_the_interval_is_followed_at_once()
    {
        var pacer = new PumpPacer(Interval, maxQuickSteps: 100);

        Assert.True(pacer.NextAtOnce(advanced: false, Interval));
        Assert.True(pacer.NextAtOnce(advanced: false, TimeSpan.FromSeconds(25)));
    }

    [Fact]
    public void A_long_poll_held_less_than_the_interval_waits_it()
    {
        var pacer = new PumpPacer(Interval, maxQuickSteps: 100);

        Assert.False(pacer.NextAtOnce(advanced: false, Interval - TimeSpan.FromTicks(1)));
    }

    [Fact]
    public void Steps_that_bring_news_follow_at_once_up_to_the_bound_then_rest_once()
    {
        var pacer = new PumpPacer(Interval, maxQuickSteps: 3);

        var answers = Enumerable.Range(0, 9).Select(_ => pacer.NextAtOnce(advanced: true, Quick)).ToArray();

        Assert.Equal([true, true, true, false, true, true, true, false, true], answers);
    }

    [Fact]
    public void A_held_poll_starts_a_new_count_of_quick_steps()
    {
        var pacer = new PumpPacer(Interval, maxQuickSteps: 2);
        pacer.NextAtOnce(advanced: true, Quick);
        pacer.NextAtOnce(advanced: true, Quick);

        Assert.True(pacer.NextAtOnce(advanced: false, Interval * 25));
        Assert.True(pacer.NextAtOnce(advanced: true, Quick));
        Assert.True(pacer.NextAtOnce(advanced: true, Quick));
        Assert.False(pacer.NextAtOnce(advanced: true, Quick));
    }

    [Fact]
    public void A_failure_starts_a_new_count_of_quick_steps()
    {
        var pacer = new PumpPacer(Interval, maxQuickSteps: 2);
        pacer.NextAtOnce(advanced: true, Quick);
        pacer.NextAtOnce(advanced: true, Quick);

        pacer.Reset();

        Assert.True(pacer.NextAtOnce(advanced: true, Quick));
        Assert.True(pacer.NextAtOnce(advanced: true, Quick));
        Assert.False(pacer.NextAtOnce(advanced: true, Quick));
    }

    [Fact]
    public void An_upstream_that_always_answers_at_once_with_nothing_is_paced_every_time()
    {
        var pacer = new PumpPacer(Interval, maxQuickSteps: 100);

        Assert.All(Enumerable.Range(0, 1000).Select(_ => pacer.NextAtOnce(advanced: false, TimeSpan.Zero)), Assert.False);
    }

    [Fact]
    public void With_no_quick_steps_allowed_only_held_polls_go_on_at_once()
    {
        var pacer = new PumpPacer(Interval, maxQuickSteps: 0);

        Assert.False(pacer.NextAtOnce(advanced: true, Quick));
        Assert.True(pacer.NextAtOnce(advanced: true, Interval));
    }
}
