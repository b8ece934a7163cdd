using Microsoft.Extensions.DependencyInjection;
using OpenWxCluster.Grains.Account.Login;
using OpenWxCluster.Grains.Logging;

namespace OpenWxCluster.Grains.Account;

// Applying state machine triggers and queueing account events (delivered by AccountGrain.Outbox).
public sealed partial class AccountGrain
{
    /// <summary>Feeds the machine, performs its effects, then persists what changed and delivers the events.</summary>
    private async Task ApplyAsync(LoginTrigger trigger)
    {
        var before = _machine.Snapshot;
        var effects = _machine.Apply(trigger);
        foreach (var effect in effects)
        {
            await PerformAsync(effect);
        }
        if (effects.Count == 0 && before == _machine.Snapshot)
        {
            return; // e.g. an idle synccheck: nothing to write
        }
        state.State.Login = _machine.Snapshot;
        await FlushEventsAsync();
    }

    private async Task PerformAsync(LoginEffect effect)
    {
        switch (effect)
        {
            case LoginEffect.StateChanged changed:
                logger.StateChanged(Key, changed.From.ToWire(), changed.To.ToWire());
                state.State.RunningSince = changed.To == ClientState.Running ? DateTimeOffset.UtcNow : null;
                Emit(AccountEvent.EventPost, "state_change", [EventParam.Of(changed.From.ToWire()), EventParam.Of(changed.To.ToWire())]);
                break;
            case LoginEffect.Emit emit:
                Emit(AccountEvent.EventPost, emit.Event, [.. emit.Params.Select(EventParam.From)]);
                break;
            case LoginEffect.LogoutUpstream:
                await LogoutQuietlyAsync();
                break;
            case LoginEffect.ClearSession:
                _session = null;
                _uuid = null;
                _redirectUri = null;
                state.State.Session = null;
                state.State.User = null;
                break;
        }
    }

    private async Task LogoutQuietlyAsync()
    {
        if (_session is null)
        {
            return;
        }
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await driver.LogoutAsync(_session, timeout.Token);
        }
        catch (Exception e) when (e is Protocol.WxProtocolException or OperationCanceledException)
        {
            // Logging out is a courtesy to upstream; the session is dropped either way.
            logger.StepFailed(Key, "logout", e.GetType().Name);
        }
    }

    /// <summary>Queues an event in the persisted outbox; it becomes durable with the next state write.</summary>
    private void Emit(string postType, string? eventName, IReadOnlyList<EventParam> parameters, ChatMessage? message = null)
    {
        if (message is not null)
        {
            AnswerConsults(message);
            // Openwx's post_message_filter: a message that fails it is neither posted nor queued (nor streamed).
            if (state.State.Options.MessageFilter is { Count: > 0 } filter
                && ServiceProvider.GetService<IWebhookFormat>() is { } format
                && !format.Passes(AccountKey.WeChat, message, postType, filter))
            {
                return;
            }
        }
        Outbox.Add(postType, eventName, parameters, message);
    }
}
