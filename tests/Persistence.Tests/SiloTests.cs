using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Orleans.Configuration;
using OpenWxCluster.Persistence.Tests.Grains;
using OpenWxCluster.Persistence.Tests.Infrastructure;

namespace OpenWxCluster.Persistence.Tests;

/// <summary>End to end: a real silo and client on this schema (checklist 1 through a host, plus a grain round trip).</summary>
[Collection(PostgresCollection.Name)]
public sealed class SiloTests(PostgresFixture fixture)
{
    [Fact]
    public async Task Grain_state_survives_deactivation_and_is_stored_in_postgres()
    {
        var silo = await fixture.SiloAsync();
        var key = "acct_" + Guid.NewGuid().ToString("N");
        var grain = silo.Grains.GetGrain<ICounterGrain>(key);

        Assert.Equal(1, await grain.Increment());
        Assert.Equal(2, await grain.Increment());
        var firstActivation = await grain.ActivationId();
        await grain.Deactivate();
        await WaitUntilAsync(async () => await grain.ActivationId() != firstActivation);

        Assert.Equal(2, await grain.Get());
        Assert.Equal(3, await grain.Increment());
        var db = new QueryRunner(silo.ConnectionString);
        Assert.Equal(3, await db.ScalarAsync(
            "SELECT version FROM orleansstorage WHERE serviceid = @s AND graintypestring = 'counter' AND grainidextensionstring = @k",
            Param.Text("s", silo.ServiceId), Param.Text("k", key)));
    }

    [Fact]
    public async Task A_registered_reminder_is_stored_and_fires()
    {
        var silo = await fixture.SiloAsync();
        var key = "rem_" + Guid.NewGuid().ToString("N");
        var grain = silo.Grains.GetGrain<ICounterGrain>(key);

        await grain.StartReminder("tick", TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));

        var db = new QueryRunner(silo.ConnectionString);
        Assert.Equal(60_000L, await db.ScalarAsync(
            "SELECT period FROM orleansreminderstable WHERE serviceid = @s AND grainid = @g AND remindername = 'tick'",
            Param.Text("s", silo.ServiceId), Param.Text("g", "counter/" + key)));
        await WaitUntilAsync(async () => await grain.ReminderTicks("tick") >= 1, TimeSpan.FromSeconds(20));
    }

    [Theory]
    [InlineData("CleanupDefunctSiloEntriesKey")]
    [InlineData("ReadReminderRowsKey")]
    [InlineData("ReadFromStorageKey")]
    public async Task Silo_start_fails_when_a_required_key_is_missing(string key)
    {
        var cs = await DatabaseWithoutAsync(key);
        using var host = TestSilo.Build(cs, Members.NewClusterId(), "svc-missing");
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));

        var error = await Assert.ThrowsAnyAsync<Exception>(() => host.StartAsync(timeout.Token));

        if (key == "ReadFromStorageKey")
        {
            // Grain storage selects only its own keys and fails with "no matching element" instead (contract 1).
            Assert.Contains("matching element", error.ToString(), StringComparison.Ordinal);
        }
        else
        {
            Assert.Contains("Missing are: " + key, error.ToString(), StringComparison.Ordinal);
        }

        await StopQuietlyAsync(host);
    }

    [Fact]
    public async Task Client_start_fails_when_a_clustering_key_is_missing()
    {
        var cs = await DatabaseWithoutAsync("GatewaysQueryKey");
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.UseOrleansClient(client =>
        {
            client.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = Members.NewClusterId();
                o.ServiceId = "svc-client";
            });
            client.UseAdoNetClustering(o =>
            {
                o.Invariant = Providers.Invariant;
                o.ConnectionString = cs;
            });
        });
        using var host = builder.Build();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));

        var error = await Assert.ThrowsAnyAsync<Exception>(() => host.StartAsync(timeout.Token));

        Assert.Contains("Missing are: GatewaysQueryKey", error.ToString(), StringComparison.Ordinal);
        Assert.False(timeout.IsCancellationRequested, "start-up should fail, not hang");
        await StopQuietlyAsync(host);
    }

    private async Task<string> DatabaseWithoutAsync(string key)
    {
        var cs = new NpgsqlConnectionStringBuilder(await fixture.CreateSchemaDatabaseAsync("silo_nokey")) { Pooling = false }.ConnectionString;
        Assert.Equal(1, await new QueryRunner(cs).SqlAsync("DELETE FROM orleansquery WHERE querykey = @k", Param.Text("k", key)));
        return cs;
    }

    private static async Task StopQuietlyAsync(IHost host)
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await host.StopAsync(timeout.Token);
        }
        catch (Exception e) when (e is OperationCanceledException or InvalidOperationException or AggregateException)
        {
            // The host never started; stopping is only to release whatever it had begun.
        }
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan? limit = null)
    {
        var deadline = DateTime.UtcNow + (limit ?? TimeSpan.FromSeconds(10));
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not met in time");
            await Task.Delay(100);
        }
    }
}
