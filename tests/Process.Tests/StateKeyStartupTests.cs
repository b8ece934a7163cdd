using OpenWxCluster.TestKit;

namespace OpenWxCluster.Process.Tests;

/// <summary>
/// A silo with PostgreSQL grain storage does not start without a usable state key: it exits naming the settings (and
/// for bad material the file and line), never printing the material. The fixture's silos, given the key file, run.
/// </summary>
[Collection(ProcessCollection.Name)]
public sealed class StateKeyStartupTests(ProcessClusterFixture fixture)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task A_postgres_silo_without_a_state_key_exits_naming_the_settings()
    {
        using var silo = HostProcess.StartSilo("no-state-key", Settings(stateKeyFile: null), fixture.LogDirectory);

        Assert.NotEqual(0, await silo.WaitForExitAsync(Wait));
        var log = silo.ReadLog();
        Assert.Contains("App:StateKeyFile", log);
        Assert.Contains("or App:StateKey,", log);
        Assert.Contains("App:StateEncryption=off", log);
    }

    [Fact]
    public async Task A_state_key_file_with_bad_material_exits_naming_the_line_not_the_material()
    {
        const string material = "c2hvcnQta2V5LW1hdGVyaWFs";
        var file = Path.Combine(fixture.LogDirectory, "bad-state.key");
        await File.WriteAllTextAsync(file, "# rotated keys, newest first\n" + material + "\n");
        using var silo = HostProcess.StartSilo("bad-state-key", Settings(file), fixture.LogDirectory);

        Assert.NotEqual(0, await silo.WaitForExitAsync(Wait));
        var log = silo.ReadLog();
        Assert.Contains($"App:StateKeyFile ({file}) line 2 is not a base64 32-byte key", log);
        Assert.DoesNotContain(material, log);
    }

    [Fact]
    public async Task A_postgres_silo_with_a_state_write_batch_below_one_exits_naming_the_setting()
    {
        using var silo = HostProcess.StartSilo(
            "bad-write-batch", Settings(fixture.Settings.StateKeyFile), fixture.LogDirectory, "--App:StorageWriteBatch=0");

        Assert.NotEqual(0, await silo.WaitForExitAsync(Wait));
        Assert.Contains("App:StorageWriteBatch must be 1 (no batching) or more", silo.ReadLog());
    }

    [Fact]
    public async Task A_silo_given_the_key_file_names_its_key_id_in_the_banner()
    {
        var key = Convert.FromBase64String((await File.ReadAllTextAsync(fixture.Settings.StateKeyFile!)).Trim());
        var id = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(key)[..8]);
        var silo = fixture.AnyAlive;

        await Eventually.TrueAsync(() => Task.FromResult(silo.ReadLog(int.MaxValue).Contains($"AES-256-GCM, state key id {id}", StringComparison.Ordinal)),
            Wait, "the banner naming the state key id");
        Assert.DoesNotContain(Convert.ToBase64String(key), silo.ReadLog(int.MaxValue));
    }

    private SiloSettings Settings(string? stateKeyFile) => fixture.Settings with
    {
        ClusterId = "nokey-" + Guid.NewGuid().ToString("N")[..8],
        StateKeyFile = stateKeyFile,
    };
}
