using Orleans.Streams;
using OpenWxCluster.Grains.Account.Login;
using OpenWxCluster.Grains.Logging;

namespace OpenWxCluster.Grains.Account;

// Applying state machine triggers, and publishing account events to the account's stream.
public sealed partial class AccountGrain
{
    private readonly List<AccountEvent> _outbox = [];
    private IAsyncStream<AccountEvent>? _stream;

    private IAsyncStream<AccountEvent> Stream => _stream ??= this.GetStreamProvider(OrleansNames.StreamProvider)
        .GetStream<AccountEvent>(StreamId.Create(OrleansNames.AccountEvents, Key));

    /// <summary>Feeds the machine, performs its effects, publishes the events and persists what changed.</summary>
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

    private void Emit(string postType, string? eventName, IReadOnlyList<EventParam> parameters, ChatMessage? message = null) =>
        _outbox.Add(new AccountEvent
        {
            AccountKey = Key,
            Seq = state.State.NextEventSeq++,
            PostType = postType,
            Event = eventName,
            Params = parameters,
            Message = message,
            Time = DateTimeOffset.UtcNow,
        });

    /// <summary>Publishes queued events, then persists: the stored SyncKey never runs ahead of published events.</summary>
    private async Task FlushEventsAsync()
    {
        while (_outbox.Count > 0)
        {
            var next = _outbox[0];
            await Stream.OnNextAsync(next);
            _outbox.RemoveAt(0);
        }
        await _writer.WriteAsync();
    }
}
