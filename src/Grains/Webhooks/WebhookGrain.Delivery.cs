using Polly;
using Polly.Retry;
using Polly.Timeout;
using OpenWxCluster.Grains.Common;

namespace OpenWxCluster.Grains.Webhooks;

// Delivery: the first backlog event is POSTed through a Polly pipeline (a timeout per attempt inside a retry with
// exponential back-off and jitter) until it is delivered, refused (4xx) or older than MaxEventAge; then the next.
// The pipeline continues on the grain's scheduler (ContinueOnCapturedContext), so state is only touched there.
public sealed partial class WebhookGrain
{
    private readonly GrainLoop _delivery = new();
    private ResiliencePipeline<WebhookOutcome>? _pipeline;
    private AccountEvent? _current;
    private CancellationTokenSource _destination = new();

    private ResiliencePipeline<WebhookOutcome> Pipeline => _pipeline ??= new ResiliencePipelineBuilder<WebhookOutcome> { TimeProvider = time }
        .AddRetry(new RetryStrategyOptions<WebhookOutcome>
        {
            MaxRetryAttempts = int.MaxValue,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = _options.RetryBaseDelay,
            MaxDelay = _options.RetryMaxDelay,
            ShouldHandle = args => StillYoung() ? Transient(args) : ValueTask.FromResult(false),
            // The attempt count (and, throttled, the log) survive a silo loss in the middle of a long outage.
            OnRetry = async _ =>
            {
                await _writer.WriteAsync();
                await SaveLogAsync(now: false);
            },
        })
        .AddTimeout(_options.AttemptTimeout)
        .Build();

    private void StartDelivery() => _delivery.Start(this, DeliverAsync, TimeSpan.FromSeconds(1));

    private void StopDelivery() => _delivery.Stop();

    /// <summary>Posts until nothing is left; new events accepted meanwhile are taken in the same run.</summary>
    private async Task DeliverAsync(CancellationToken cancellation)
    {
        while (!cancellation.IsCancellationRequested)
        {
            if (!await SendRepliesAsync())
            {
                return; // the account is unreachable: the timer tries again
            }
            if (state.State.Settings is not { } settings || Backlog.Count == 0)
            {
                break;
            }
            if (await Backlog.HeadAsync() is not { } head)
            {
                if (await DropLostAsync())
                {
                    continue;
                }
                break; // changed meanwhile: the timer looks again
            }
            await DeliverFirstAsync(settings, head, cancellation);
        }
        var idle = !HasWork;
        if (idle)
        {
            _delivery.StopIfCurrent(cancellation);
        }
        await SaveLogAsync(now: idle);
    }

    /// <summary>Drops and counts what a sealed chunk lacks, in turn with the other changes; false when nothing was lacking.</summary>
    private async Task<bool> DropLostAsync()
    {
        var dropped = false;
        await _changes.RunAsync(async () =>
        {
            var lost = Backlog.LostInFirstChunk();
            if (lost == 0)
            {
                return;
            }
            logger.BacklogChunkLost(Key, lost);
            Backlog.DropOldest(lost);
            await Backlog.SaveAsync(_writer.WriteAsync);
            dropped = true;
        });
        return dropped;
    }

    private async Task DeliverFirstAsync(WebhookSettings settings, AccountEvent head, CancellationToken cancellation)
    {
        _current = head;
        var body = await Format.RenderAsync(head, settings.PostMediaData, cancellation);
        var destination = _destination.Token;
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellation, destination);
        var context = ResilienceContextPool.Shared.Get(continueOnCapturedContext: true, linked.Token);
        WebhookOutcome? outcome = null;
        string? givenUp = null;
        try
        {
            outcome = await Pipeline.ExecuteAsync(
                static (ctx, arg) => arg.Self.AttemptAsync(arg.Settings, arg.Head, arg.Body, ctx.CancellationToken),
                context,
                (Self: this, Settings: settings, Head: head, Body: body));
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutRejectedException && !linked.IsCancellationRequested)
        {
            givenUp = "gave up: " + ErrorKind(e);
        }
        catch (OperationCanceledException) when (linked.IsCancellationRequested)
        {
            // Deactivating, or post_api changed: the event stays first in the backlog, for the new destination.
            return;
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
            _current = null;
        }
        await _changes.RunAsync(() => FinishAsync(head, outcome, givenUp));
        await SaveLogAsync(now: false);
    }

    /// <summary>Takes the delivered (or given-up) event off the backlog and saves that, in turn with the other changes.</summary>
    private async Task FinishAsync(AccountEvent head, WebhookOutcome? outcome, string? givenUp)
    {
        if ((await Backlog.HeadAsync())?.Seq != head.Seq)
        {
            return; // reconfigured or trimmed meanwhile
        }
        Backlog.RemoveHead();
        state.State.HeadAttempts = 0;
        metrics.DeliveryFinished(outcome is { IsSuccess: true });
        if (outcome is { IsSuccess: true })
        {
            state.State.Delivered++;
            var reply = Format.ReadReply(AccountKey.PlatformOf(Key), outcome.ContentType, outcome.Body ?? "");
            if (reply is not null && WebhookFilter.ReplyTo(head, reply) is { } request)
            {
                state.State.PendingReplies.Add(request); // saved with the delivery, sent right after
            }
        }
        else
        {
            state.State.Failed++;
            logger.GaveUp(Key, head.Seq, givenUp ?? $"HTTP {outcome?.StatusCode}");
        }
        await Backlog.SaveAsync(_writer.WriteAsync);
    }

    private async ValueTask<WebhookOutcome> AttemptAsync(WebhookSettings settings, AccountEvent head, string body, CancellationToken cancellation)
    {
        var attempt = ++state.State.HeadAttempts;
        var started = time.GetTimestamp();
        try
        {
            var outcome = await transport.PostAsync(settings, AccountKey.ClientOf(Key), head.Id, body, attempt, cancellation);
            Record(new WebhookAttempt(head.Id, attempt, outcome.StatusCode, time.GetElapsedTime(started),
                outcome.IsSuccess ? null : $"HTTP {outcome.StatusCode}", time.GetUtcNow()));
            metrics.DeliveryAttempt(time.GetElapsedTime(started), outcome.IsSuccess);
            return outcome;
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
        {
            Record(new WebhookAttempt(head.Id, attempt, 0, time.GetElapsedTime(started), ErrorKind(e), time.GetUtcNow()));
            metrics.DeliveryAttempt(time.GetElapsedTime(started), success: false);
            throw;
        }
    }

    /// <summary>Transport errors, timeouts, 5xx, 408 and 429 are retried while the event is younger than MaxEventAge.</summary>
    private static readonly Func<RetryPredicateArguments<WebhookOutcome>, ValueTask<bool>> Transient =
        new PredicateBuilder<WebhookOutcome>()
            .Handle<HttpRequestException>()
            .Handle<TimeoutRejectedException>()
            .HandleResult(outcome => outcome.IsTransient);

    /// <summary>
    /// A new post_api (a start_client after the receiver went away) takes the backlog from here: the head's retries
    /// against the old destination end now instead of after MaxEventAge, and its attempts count from one again.
    /// </summary>
    private void Retarget()
    {
        _destination.Cancel(); // not disposed: a delivery in flight may still link to its token
        _destination = new CancellationTokenSource();
        state.State.HeadAttempts = 0;
    }

    private static bool SameDestination(WebhookSettings? a, WebhookSettings? b) =>
        a?.Url == b?.Url && a?.Secret == b?.Secret;

    private bool StillYoung() => _current is { } head && time.GetUtcNow() - head.Time < _options.MaxEventAge;

    /// <summary>Sends saved replies in order; false when the account could not be reached (kept for later).</summary>
    private async Task<bool> SendRepliesAsync()
    {
        var pending = state.State.PendingReplies;
        while (pending.Count > 0)
        {
            var reply = pending[0];
            SendReceipt receipt;
            try
            {
                receipt = await GrainFactory.GetAccount(Key).SendReplyAsync(reply);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                logger.ReplyFailed(Key, e.GetType().Name);
                return false;
            }
            if (receipt.Code != SendCodes.Success)
            {
                logger.ReplyRefused(Key, receipt.Code);
            }
            pending.Remove(reply);
            await _writer.WriteAsync();
        }
        return true;
    }

    private static string ErrorKind(Exception e) => e switch
    {
        TimeoutRejectedException or OperationCanceledException => "timeout",
        HttpRequestException { HttpRequestError: var kind } when kind != HttpRequestError.Unknown => kind.ToString(),
        _ => e.GetType().Name,
    };
}
