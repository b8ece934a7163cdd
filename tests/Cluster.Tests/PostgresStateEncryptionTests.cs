using Orleans.TestingHost;
using OpenWxCluster.Persistence.Encryption;
using OpenWxCluster.QqEmulator;
using OpenWxCluster.TestKit;

namespace OpenWxCluster.Cluster.Tests;

/// <summary>
/// Session secrets at rest in PostgreSQL: the WeChat session (sid, skey, pass_ticket, cookies, as the emulator issued
/// them), a webhook's secret and query token and a OneBot access token and secret are in no stored row; the state
/// reads back after a restart with the same key, after a key rotation, and from rows written in clear before; a row
/// under a key that is not configured fails to load, naming the key id, and is left unchanged.
/// </summary>
public sealed class PostgresStateEncryptionTests : IAsyncLifetime
{
    private const string HookSecret = "hook-s3cret-7f1c0e", HookQueryToken = "hookq-t0ken-19ab5d";
    private const string QqToken = "qq-acc3ss-t0ken-5e2d", QqSecret = "qq-sign-s3cret-8b4a";
    private const long QqBot = 10001;

    private PostgresWithEmulator _env = null!;
    private QqEmulatorHost _qq = null!;

    public async Task InitializeAsync()
    {
        _env = await PostgresWithEmulator.StartAsync("secrets");
        _qq = await QqEmulatorHost.StartAsync(new QqEmulatorOptions { AccessToken = QqToken, Secret = QqSecret });
        _qq.World.CreateBot(QqBot, "Bot");
    }

    public async Task DisposeAsync()
    {
        await _qq.DisposeAsync();
        await _env.DisposeAsync();
    }

    [Fact]
    public async Task No_secret_is_stored_readable_and_the_accounts_resume_with_the_same_key()
    {
        var world = _env.Emulator.World;
        world.CreateAccountWithFriend("sec", "SecPal");
        var serviceId = NewServiceId();
        string userId;

        await using (var first = await _env.StartClusterAsync(serviceId))
        await using (var web = await WebFrontHost.StartAsync(first.Client))
        {
            var api = new OpenWxHttpApi(web.Http);
            await api.LoginAsync(world, "sec", "sec_bot",
                ("post_api", $"http://127.0.0.1:9/hook?token={HookQueryToken}"), ("post_secret", HookSecret));
            userId = (await api.GetAsync("get_user_info", ("client", "sec"))).GetProperty("id").GetString()!;
            var qq = new OpenWxHttpApi(web.Http, "openqq");
            var started = await qq.GetAsync("start_client", ("client", "secqq"), ("onebot_url", _qq.BaseUri.ToString().TrimEnd('/')),
                ("onebot_token", QqToken), ("onebot_secret", QqSecret));
            Assert.Equal(0, started.GetProperty("code").GetInt32());
            await qq.WaitForStateAsync("secqq", "running");
        }
        var credentials = world.GetLatestCredentials("sec_bot")!;
        (string Name, string Value)[] secrets =
        [
            ("sid", credentials.Sid), ("skey", credentials.Skey), ("pass_ticket", credentials.PassTicket),
            ("pass_ticket escaped", Uri.EscapeDataString(credentials.PassTicket)), ("webwx_data_ticket cookie", credentials.DataTicketCookie),
            ("webwx_auth_ticket cookie", credentials.AuthTicketCookie), ("post_secret", HookSecret), ("post_api query token", HookQueryToken),
            ("onebot_token", QqToken), ("onebot_secret", QqSecret),
        ];

        var rows = await StoredStateRows.ReadAsync(_env.ConnectionString);
        Assert.Contains(rows.Keys, r => r.Type == "account");
        var found = secrets.Where(secret => rows.Values.Any(payload => StoredStateRows.Contains(payload, secret.Value))).Select(s => s.Name).ToList();
        Assert.True(found.Count == 0, "readable in stored rows: " + string.Join(", ", found));
        Assert.All(rows, row => Assert.True(StateEnvelope.IsSealed(row.Value), $"{row.Key.Type} is sealed"));

        var logins = world.ListLogins().Count;
        await using var second = await _env.StartClusterAsync(serviceId);
        await using var web2 = await WebFrontHost.StartAsync(second.Client);
        var api2 = new OpenWxHttpApi(web2.Http);
        await api2.WaitForStateAsync("sec", "running");
        await new OpenWxHttpApi(web2.Http, "openqq").WaitForStateAsync("secqq", "running");
        Assert.Equal(logins, world.ListLogins().Count);
        Assert.Equal(userId, (await api2.GetAsync("get_user_info", ("client", "sec"))).GetProperty("id").GetString());
    }

    [Fact]
    public async Task After_a_rotation_old_rows_read_and_are_resealed_and_an_unknown_key_leaves_rows_unchanged()
    {
        var world = _env.Emulator.World;
        world.CreateAccountWithFriend("rot", "RotPal");
        byte[] oldKey = StateKeyRing.NewKey(), newKey = StateKeyRing.NewKey();
        var serviceId = NewServiceId();
        await using (var first = await _env.StartClusterAsync(serviceId, keys: StateKeyRing.FromKeys(oldKey)))
        await using (var web = await WebFrontHost.StartAsync(first.Client))
        {
            await new OpenWxHttpApi(web.Http).LoginAsync(world, "rot", "rot_bot");
        }
        Assert.Equal(IdOf(oldKey), StateEnvelope.KeyIdOf(await StoredStateRows.AccountAsync(_env.ConnectionString, "rot")));

        await using (var rotated = await _env.StartClusterAsync(serviceId, keys: StateKeyRing.FromKeys(newKey, oldKey)))
        await using (var web = await WebFrontHost.StartAsync(rotated.Client))
        {
            var api = new OpenWxHttpApi(web.Http);
            await api.WaitForStateAsync("rot", "running");
            // A received message is saved in the account's outbox: a write, sealed with the new key.
            world.SendText("rot_pal", "rot_bot", "after the rotation");
            await api.WaitForEventAsync("rot", e => e.GetProperty("content").GetString() == "after the rotation");
            await Eventually.TrueAsync(async () => StateEnvelope.KeyIdOf(await StoredStateRows.AccountAsync(_env.ConnectionString, "rot")) == IdOf(newKey),
                TimeSpan.FromSeconds(20), "the account row sealed with the new key");
        }

        var before = await StoredStateRows.ReadAsync(_env.ConnectionString);
        await using (var foreign = await _env.StartClusterAsync(serviceId, keys: StateKeyRing.FromKeys(StateKeyRing.NewKey())))
        {
            var refused = await Assert.ThrowsAnyAsync<Exception>(() =>
                foreign.Client.GetGrain<IWxAccountGrain>(AccountKey.WeChatClient("rot")).GetStatusAsync());
            Assert.Contains(IdOf(newKey), refused.ToString());
        }
        var after = await StoredStateRows.ReadAsync(_env.ConnectionString);
        foreach (var (key, payload) in before)
        {
            Assert.Equal(payload, after[key]);
        }
    }

    [Fact]
    public async Task A_row_written_in_clear_is_read_and_sealed_at_its_next_write()
    {
        var world = _env.Emulator.World;
        world.CreateAccountWithFriend("clr", "ClrPal");
        var serviceId = NewServiceId();
        await using (var plain = await _env.StartClusterAsync(serviceId, clearState: true))
        await using (var web = await WebFrontHost.StartAsync(plain.Client))
        {
            await new OpenWxHttpApi(web.Http).LoginAsync(world, "clr", "clr_bot");
        }
        var skey = world.GetLatestCredentials("clr_bot")!.Skey;
        var clear = await StoredStateRows.AccountAsync(_env.ConnectionString, "clr");
        Assert.False(StateEnvelope.IsSealed(clear));
        Assert.True(StoredStateRows.Contains(clear, skey), "the search finds a secret stored in clear");

        await using var encrypted = await _env.StartClusterAsync(serviceId);
        await using var web2 = await WebFrontHost.StartAsync(encrypted.Client);
        var api = new OpenWxHttpApi(web2.Http);
        await api.WaitForStateAsync("clr", "running");
        world.SendText("clr_pal", "clr_bot", "now sealed");
        await api.WaitForEventAsync("clr", e => e.GetProperty("content").GetString() == "now sealed");
        await Eventually.TrueAsync(async () => StateEnvelope.IsSealed(await StoredStateRows.AccountAsync(_env.ConnectionString, "clr")),
            TimeSpan.FromSeconds(20), "the account row sealed");
        var row = await StoredStateRows.AccountAsync(_env.ConnectionString, "clr");
        Assert.Equal(_env.Keys.WriterKeyId, StateEnvelope.KeyIdOf(row));
        Assert.False(StoredStateRows.Contains(row, skey));
    }

    private static string NewServiceId() => "sec-" + Guid.NewGuid().ToString("N")[..8];

    private static string IdOf(byte[] key) => Convert.ToHexStringLower(StateKeyRing.IdOf(key));
}
