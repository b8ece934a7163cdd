using Npgsql;
using OpenWxCluster.Emulator;
using OpenWxCluster.TestKit;

namespace OpenWxCluster.Process.Tests;

/// <summary>
/// A throwaway PostgreSQL database with the schema, an in-process emulator and two silo processes (A and B) that
/// form one cluster through PostgreSQL membership. Shared by the process test collection; Dispose kills the silos.
/// </summary>
public sealed class ProcessClusterFixture : IAsyncLifetime
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    public PostgresServer Postgres { get; private set; } = null!;
    public EmulatorHost Emulator { get; private set; } = null!;
    public SiloSettings Settings { get; private set; } = null!;
    public HostProcess SiloA { get; private set; } = null!;
    public HostProcess SiloB { get; private set; } = null!;
    public string LogDirectory { get; } = Path.Combine(Path.GetTempPath(), "openwx-process-tests-" + Guid.NewGuid().ToString("N")[..8]);

    public IEnumerable<HostProcess> Silos => [SiloA, SiloB];

    /// <summary>A silo still running (the failover test kills one).</summary>
    public HostProcess AnyAlive => Silos.First(s => s.IsAlive);

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(LogDirectory);
        Postgres = await PostgresServer.StartAsync();
        var cs = await Postgres.CreateUniqueDatabaseAsync("proc");
        var pooled = new NpgsqlConnectionStringBuilder(cs) { MaxPoolSize = 20 }.ConnectionString;
        Emulator = await EmulatorHost.StartAsync(new EmulatorOptions
        {
            LoginPollHold = TimeSpan.FromSeconds(1),
            SyncCheckHold = TimeSpan.FromSeconds(5),
        });
        var clusterId = "proc-" + Guid.NewGuid().ToString("N")[..12];
        var certificates = TestCertificates.Create(Path.Combine(LogDirectory, "certs"), "openwx-proc-ca");
        // One state key file for every silo, as the README's two-silo commands make it.
        var stateKey = Path.Combine(LogDirectory, "state.key");
        await File.WriteAllTextAsync(stateKey, Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)) + "\n");
        Settings = new SiloSettings(pooled, Emulator.BaseUri.ToString().TrimEnd('/'), clusterId, "openwx-proc", certificates, stateKey);
        SiloA = HostProcess.StartSilo("silo-A", Settings, LogDirectory);
        SiloB = HostProcess.StartSilo("silo-B", Settings, LogDirectory);
        await Task.WhenAll(SiloA.WaitUntilReadyAsync(StartTimeout), SiloB.WaitUntilReadyAsync(StartTimeout));
        await WaitForActiveSilosAsync(cs, 2, StartTimeout);
    }

    /// <summary>SIGKILL of every silo process: the whole cluster crashes, nothing shuts down gracefully.</summary>
    public void CrashAll()
    {
        SiloA.Kill();
        SiloB.Kill();
    }

    /// <summary>
    /// Starts both silos again on their ports after <see cref="CrashAll"/>. Readiness is not probed through the API
    /// (that would wake accounts); callers wait on what they measure.
    /// </summary>
    public void RestartAll()
    {
        var (oldA, oldB) = (SiloA, SiloB);
        SiloA = oldA.Restart("silo-A-restarted");
        SiloB = oldB.Restart("silo-B-restarted");
        oldA.Dispose();
        oldB.Dispose();
    }

    /// <summary>Starts a killed silo again on its ports (same name letter, "-restarted" appended).</summary>
    public HostProcess Restart(HostProcess killed)
    {
        var restarted = killed.Restart(killed.Name + "-restarted");
        if (ReferenceEquals(killed, SiloA))
        {
            SiloA = restarted;
        }
        else
        {
            SiloB = restarted;
        }
        killed.Dispose();
        return restarted;
    }

    public async Task DisposeAsync()
    {
        SiloA?.Dispose();
        SiloB?.Dispose();
        if (Emulator is not null)
        {
            await Emulator.DisposeAsync();
        }
        if (Postgres is not null)
        {
            await Postgres.DisposeAsync();
        }
    }

    /// <summary>Both silos must see each other before grains are placed, or every account lands on one silo.</summary>
    private async Task WaitForActiveSilosAsync(string cs, int count, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        await using var source = NpgsqlDataSource.Create(cs);
        while (DateTime.UtcNow < deadline)
        {
            await using var command = source.CreateCommand(
                "SELECT count(*) FROM orleansmembershiptable WHERE deploymentid = $1 AND status = 3");
            command.Parameters.AddWithValue(Settings.ClusterId);
            var active = Convert.ToInt32(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
            if (active >= count)
            {
                return;
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"fewer than {count} active silos:\n{SiloA.ReadLog()}\n{SiloB.ReadLog()}");
    }
}
