using Polly;
using Polly.Retry;

namespace OpenWxCluster.WebFront;

/// <summary>
/// How the OneBot intake hands an event to the account grain: a failing call (the account's silo just died and the
/// cluster has not yet moved it, a grain call timeout) is tried again for about 20 s before the front gives up. A
/// OneBot implementation does not resend an event it could not deliver, so giving up early would lose it.
/// </summary>
internal static class IntakeRetry
{
    /// <summary>Grain calls per event at most (the first and the retries).</summary>
    public const int Attempts = 13;

    private static readonly ResiliencePipeline Pipeline = new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<Exception>(e => e is not OperationCanceledException),
            MaxRetryAttempts = Attempts - 1,
            Delay = TimeSpan.FromMilliseconds(100),
            MaxDelay = TimeSpan.FromSeconds(2),
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
        })
        .Build();

    /// <summary>The grain's answer; throws the last failure once the attempts are used up.</summary>
    public static ValueTask<QqIntakeResult> IngestAsync(IQqAccountGrain account, QqIntake intake, CancellationToken aborted) =>
        Pipeline.ExecuteAsync(static async (state, _) => await state.account.IngestAsync(state.intake), (account, intake), aborted);
}
