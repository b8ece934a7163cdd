namespace OpenWxCluster.Grains.UnitTests;

public sealed class QrCodePollTests
{
    [Fact]
    public void Qr_code_fetched_while_loading_moves_to_scaning_and_polls()
    {
        var machine = Drive.To(ClientState.Loading);

        var effects = machine.Apply(new LoginTrigger.QrCodeFetched());

        EffectAssert.Sequence(effects, Fx.Changed(ClientState.Loading, ClientState.Scaning));
        Assert.Equal(ClientState.Scaning, machine.State);
        Assert.Equal(ClientState.Loading, machine.Snapshot.PreviousState);
        Assert.Equal(LoginAction.PollLogin, machine.NextAction);
        Assert.Equal(0, machine.Snapshot.Consecutive408);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(5)]
    public void Each_408_below_the_limit_is_counted_and_keeps_polling(int pollsPerQrCode)
    {
        var machine = Drive.To(ClientState.Scaning, new LoginOptions { PollsPerQrCode = pollsPerQrCode + 1 });

        for (var i = 1; i <= pollsPerQrCode; i++)
        {
            var effects = machine.Apply(Drive.Poll(408));

            EffectAssert.None(effects);
            Assert.Equal(i, machine.Snapshot.Consecutive408);
            Assert.Equal(ClientState.Scaning, machine.State);
            Assert.Equal(LoginAction.PollLogin, machine.NextAction);
            Assert.Equal(0, machine.Snapshot.QrCodeCount);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(5)]
    public void The_nth_consecutive_408_expires_the_qr_code_and_fetches_a_new_one(int pollsPerQrCode)
    {
        var machine = Drive.To(ClientState.Scaning, new LoginOptions { PollsPerQrCode = pollsPerQrCode });
        machine.Repeat(Drive.Poll(408), pollsPerQrCode - 1);

        var effects = machine.Apply(Drive.Poll(408));

        EffectAssert.Sequence(effects, Fx.QrExpired);
        Assert.Equal(ClientState.Scaning, machine.State);
        Assert.Equal(ClientState.Loading, machine.Snapshot.PreviousState);
        Assert.Equal(LoginAction.FetchQrCode, machine.NextAction);
        Assert.Equal(0, machine.Snapshot.Consecutive408);
        Assert.Equal(1, machine.Snapshot.QrCodeCount);
    }

    [Fact]
    public void After_an_expiry_the_new_qr_code_is_polled_with_a_fresh_408_budget()
    {
        var machine = Drive.To(ClientState.Scaning);
        machine.Repeat(Drive.Poll(408), 5);

        var fetched = machine.Apply(new LoginTrigger.QrCodeFetched());
        var fourMore = machine.Repeat(Drive.Poll(408), 4);

        EffectAssert.None(fetched); // already scaning: no state_change
        Assert.All(fourMore, EffectAssert.None);
        Assert.Equal(4, machine.Snapshot.Consecutive408);
        Assert.Equal(LoginAction.PollLogin, machine.NextAction);
        EffectAssert.Sequence(machine.Apply(Drive.Poll(408)), Fx.QrExpired);
        Assert.Equal(2, machine.Snapshot.QrCodeCount);
    }

    [Fact]
    public void Qr_code_fetched_resets_the_408_count()
    {
        var machine = Drive.To(ClientState.Scaning);
        machine.Repeat(Drive.Poll(408), 3);

        machine.Apply(new LoginTrigger.QrCodeFetched());

        Assert.Equal(0, machine.Snapshot.Consecutive408);
    }

    [Fact]
    public void A_408_expiry_while_confirming_goes_back_to_scaning()
    {
        var machine = Drive.To(ClientState.Confirming);
        machine.Repeat(Drive.Poll(408), 4);

        var effects = machine.Apply(Drive.Poll(408));

        EffectAssert.Sequence(effects, Fx.QrExpired, Fx.Changed(ClientState.Confirming, ClientState.Scaning));
        Assert.Equal(LoginAction.FetchQrCode, machine.NextAction);
        Assert.Equal(ClientState.Confirming, machine.Snapshot.PreviousState);
        Assert.Equal(0, machine.Snapshot.Consecutive408);
        Assert.Equal(1, machine.Snapshot.QrCodeCount);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 3)]
    [InlineData(5, 10)]
    public void The_client_stops_at_the_max_qr_code_count(int pollsPerQrCode, int maxQrCodeCount)
    {
        var machine = Drive.To(ClientState.Scaning, new LoginOptions { PollsPerQrCode = pollsPerQrCode, MaxQrCodeCount = maxQrCodeCount });
        for (var qr = 1; qr < maxQrCodeCount; qr++)
        {
            var expired = machine.Repeat(Drive.Poll(408), pollsPerQrCode)[^1];
            EffectAssert.Sequence(expired, Fx.QrExpired);
            Assert.Equal(qr, machine.Snapshot.QrCodeCount);
            EffectAssert.None(machine.Apply(new LoginTrigger.QrCodeFetched()));
        }

        var last = machine.Repeat(Drive.Poll(408), pollsPerQrCode)[^1];

        EffectAssert.Sequence(last, Fx.QrExpired, Fx.Clear, Fx.Changed(ClientState.Scaning, ClientState.Stop), Fx.Stopped);
        Assert.Equal(ClientState.Stop, machine.State);
        Assert.Equal(LoginAction.None, machine.NextAction);
        Assert.Equal(maxQrCodeCount, machine.Snapshot.QrCodeCount);
    }

    [Fact]
    public void Poll_201_moves_to_confirming_and_resets_the_408_count()
    {
        var machine = Drive.To(ClientState.Scaning);
        machine.Repeat(Drive.Poll(408), 4);

        var effects = machine.Apply(Drive.Poll(201));

        EffectAssert.Sequence(effects, Fx.Changed(ClientState.Scaning, ClientState.Confirming));
        Assert.Equal(LoginAction.PollLogin, machine.NextAction);
        Assert.Equal(0, machine.Snapshot.Consecutive408);
        EffectAssert.None(machine.Apply(Drive.Poll(408))); // the fifth 408 in a row was broken by the 201
    }

    [Fact]
    public void A_repeated_201_while_confirming_keeps_polling_without_a_state_change()
    {
        var machine = Drive.To(ClientState.Confirming);
        machine.Apply(Drive.Poll(408));

        var effects = machine.Apply(Drive.Poll(201));

        EffectAssert.None(effects);
        Assert.Equal(ClientState.Confirming, machine.State);
        Assert.Equal(ClientState.Scaning, machine.Snapshot.PreviousState);
        Assert.Equal(LoginAction.PollLogin, machine.NextAction);
        Assert.Equal(0, machine.Snapshot.Consecutive408);
    }

    [Theory]
    [InlineData(ClientState.Scaning)]
    [InlineData(ClientState.Confirming)]
    public void Poll_200_moves_to_updating_and_completes_the_login(ClientState from)
    {
        var machine = Drive.To(from);

        var effects = machine.Apply(Drive.Poll(200));

        EffectAssert.Sequence(effects, Fx.Changed(from, ClientState.Updating));
        Assert.Equal(ClientState.Updating, machine.State);
        Assert.Equal(LoginAction.CompleteLogin, machine.NextAction);
    }

    [Theory]
    [InlineData(ClientState.Scaning, 400)]
    [InlineData(ClientState.Scaning, 500)]
    [InlineData(ClientState.Scaning, 0)]
    [InlineData(ClientState.Confirming, 400)]
    [InlineData(ClientState.Confirming, 500)]
    [InlineData(ClientState.Confirming, 502)]
    public void Other_poll_codes_refresh_the_qr_code(ClientState from, int code)
    {
        var machine = Drive.To(from);
        machine.Repeat(Drive.Poll(408), 2);

        var effects = machine.Apply(Drive.Poll(code));

        LoginEffect[] expected = from == ClientState.Scaning
            ? [Fx.QrExpired]
            : [Fx.QrExpired, Fx.Changed(ClientState.Confirming, ClientState.Scaning)];
        EffectAssert.Sequence(effects, expected);
        Assert.Equal(ClientState.Scaning, machine.State);
        Assert.Equal(LoginAction.FetchQrCode, machine.NextAction);
        Assert.Equal(0, machine.Snapshot.Consecutive408);
        Assert.Equal(1, machine.Snapshot.QrCodeCount);
    }

    [Theory]
    [InlineData(400)]
    [InlineData(500)]
    public void Qr_refreshes_from_poll_errors_are_bounded_by_the_max_qr_code_count(int code)
    {
        var machine = Drive.To(ClientState.Scaning, new LoginOptions { MaxQrCodeCount = 3 });
        machine.Run(Drive.Poll(code), new LoginTrigger.QrCodeFetched(), Drive.Poll(code), new LoginTrigger.QrCodeFetched());
        Assert.Equal(ClientState.Scaning, machine.State);

        var effects = machine.Apply(Drive.Poll(code));

        EffectAssert.Sequence(effects, Fx.QrExpired, Fx.Clear, Fx.Changed(ClientState.Scaning, ClientState.Stop), Fx.Stopped);
        Assert.Equal(LoginAction.None, machine.NextAction);
    }
}
