using System.Text.Json;
using OpenWxCluster.Bench.Shared;
using OpenWxCluster.TestKit;

namespace OpenWxCluster.Bench.Throughput;

/// <summary>
/// Every process of the bench, each its own so its CPU is its own: the web WeChat emulator, the shipped silo (src/Silo's
/// build output started from its folder, so with its appsettings.json, Server GC and co-hosted HTTP front) pointed at
/// it, the three bare Kestrel ceilings and the bare webhook receiver (this program in <c>serve</c> mode); with
/// <c>--postgres 1</c> also a throwaway PostgreSQL holding the silo's grain state and reminders.
/// </summary>
internal sealed class BenchStack : IDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);
    private readonly List<BenchProcess> _processes = [];

    public required Side Product { get; init; }
    public required Side CeilingA { get; init; }
    public required Side CeilingB { get; init; }

    /// <summary>The bare post_api receiver of the webhook phase (see <see cref="WebhookReceiver"/>).</summary>
    public required Side Receiver { get; init; }
    public required Uri EmulatorUri { get; init; }
    public required string SiloDll { get; init; }
    public required string EmulatorDll { get; init; }

    /// <summary>Where the silo keeps grain state: the embedded in-process storage, or PostgreSQL.</summary>
    public required string Storage { get; init; }

    /// <summary>The PostgreSQL server's processes, whose CPU is charged to the product beside the silo's (null: embedded).</summary>
    public DatabaseCpu? Database { get; private init; }

    private PostgresServer? _database;
    private string _logDirectory = "";

    public static async Task<BenchStack> StartAsync(string logDirectory, bool postgres)
    {
        var processes = new List<BenchProcess>();
        PostgresServer? database = null;
        try
        {
            string[] storage = [];
            var storageText = "the embedded silo's in-process storage";
            if (postgres)
            {
                database = await PostgresServer.StartAsync(durableCommits: true);
                (storage, var version) = await PostgresArgumentsAsync(database, logDirectory);
                storageText = $"PostgreSQL {version} on 127.0.0.1 (grain state sealed with AES-256-GCM; synchronous_commit on, fsync off: a throwaway server)";
            }
            var emulatorDll = BuildOutputs.EmulatorDll();
            var emulatorUri = new Uri($"http://127.0.0.1:{FreePort.Next()}/");
            var emulator = Track(processes, BenchProcess.StartDll("emulator", emulatorDll, ["--urls", emulatorUri.ToString().TrimEnd('/')], logDirectory));
            await emulator.WaitHttpOkAsync(new Uri(emulatorUri, "control/health"), StartTimeout);

            var siloDll = BuildOutputs.SiloDll();
            var siloUri = new Uri($"http://127.0.0.1:{FreePort.Next()}/");
            var silo = Track(processes, BenchProcess.StartDll("silo", siloDll, [.. SiloArguments(siloUri, emulatorUri), .. storage], logDirectory));

            var self = typeof(CeilingServer).Assembly.Location;
            var (ceilingA, ceilingAUri) = StartCeiling(processes, self, "json", null, logDirectory);
            var (upstream, upstreamUri) = StartCeiling(processes, self, "upstream", null, logDirectory);
            var (relay, relayUri) = StartCeiling(processes, self, "relay", new Uri(upstreamUri, "webwxsendmsg").ToString(), logDirectory);
            var (receiver, receiverUri) = StartCeiling(processes, self, "receiver", null, logDirectory);
            await silo.WaitHttpOkAsync(new Uri(siloUri, "openwx/check_client"), StartTimeout);
            foreach (var (process, uri) in new[] { (ceilingA, ceilingAUri), (upstream, upstreamUri), (relay, relayUri), (receiver, new Uri(receiverUri, "count")) })
            {
                await process.WaitHttpOkAsync(uri, StartTimeout);
            }
            var databaseCpu = database is null ? null : new DatabaseCpu(database.RootDirectory);
            var stack = new BenchStack
            {
                Product = new Side("product", siloUri, [("silo", silo), ("emulator", emulator)], databaseCpu),
                CeilingA = new Side("ceiling A", ceilingAUri, [("ceiling", ceilingA)]),
                CeilingB = new Side("ceiling B", relayUri, [("ceiling", relay), ("upstream", upstream)]),
                Receiver = new Side("bare client", receiverUri, [("receiver", receiver)]),
                EmulatorUri = emulatorUri,
                SiloDll = siloDll,
                EmulatorDll = emulatorDll,
                Storage = storageText,
                Database = databaseCpu,
                _database = database,
                _logDirectory = logDirectory,
            };
            stack._processes.AddRange(processes);
            return stack;
        }
        catch
        {
            processes.ForEach(p => p.Dispose());
            if (database is not null)
            {
                await database.DisposeAsync();
            }
            throw;
        }
    }

    /// <summary>A database and a state key file for the silo: its settings as in the README's PostgreSQL cluster.</summary>
    private static async Task<(string[] Arguments, string Version)> PostgresArgumentsAsync(PostgresServer database, string logDirectory)
    {
        var connectionString = await database.CreateDatabaseAsync("throughput");
        await using var connection = new Npgsql.NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var version = connection.PostgreSqlVersion.ToString();
        var keyFile = Path.Combine(logDirectory, "state.key");
        await File.WriteAllTextAsync(keyFile, Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)) + "\n");
        return (
        [
            "--App:InitDb=true",
            "--App:Storage=postgres",
            "--App:Reminders=postgres",
            "--App:ConnectionString=" + connectionString,
            "--App:StateKeyFile=" + keyFile,
        ], version);
    }

    /// <summary>The GC settings a program runs with, from its runtimeconfig.json (e.g. <c>System.GC.Server=True</c>).</summary>
    public static string GcMode(string dll)
    {
        var config = Path.ChangeExtension(dll, ".runtimeconfig.json");
        if (!File.Exists(config))
        {
            return "runtime defaults";
        }
        using var json = JsonDocument.Parse(File.ReadAllText(config));
        var gc = json.RootElement.GetProperty("runtimeOptions").TryGetProperty("configProperties", out var properties)
            ? properties.EnumerateObject().Where(p => p.Name.StartsWith("System.GC.", StringComparison.Ordinal)).Select(p => $"{p.Name}={p.Value}").ToList()
            : [];
        return gc.Count > 0 ? string.Join(", ", gc) : "workstation GC (runtime default)";
    }

    /// <summary>
    /// The shipped silo's settings with only what a bench on one machine needs: its own ports, the emulator upstream,
    /// and a rate limit far above any rate here (the shipped 200/s per caller would refuse wrk, a single caller;
    /// the limiter still runs on every request, so its cost stays in the figures).
    /// </summary>
    private static string[] SiloArguments(Uri siloUri, Uri emulatorUri) =>
    [
        "--urls", siloUri.ToString().TrimEnd('/'),
        "--App:Upstream=emulator",
        "--App:EmulatorUrl=" + emulatorUri.ToString().TrimEnd('/'),
        $"--App:SiloPort={FreePort.Next()}",
        $"--App:GatewayPort={FreePort.Next()}",
        $"--App:ClusterId=throughput-{Environment.ProcessId}",
        "--App:Api:RateLimit:Permits=100000000",
        "--App:Api:RateLimit:Burst=100000000",
    ];

    /// <summary>
    /// A bare Kestrel answering <paramref name="reply"/> to every path: the ceiling of a read whose reply is long (the
    /// same bytes on the wire as the product's), beside ceiling A's small JSON.
    /// </summary>
    public async Task<Side> StartReplyCeilingAsync(string name, byte[] reply)
    {
        var file = Path.Combine(_logDirectory, name.Replace(' ', '-') + ".json");
        await File.WriteAllBytesAsync(file, reply);
        var (process, uri) = StartCeiling(_processes, typeof(CeilingServer).Assembly.Location, "bytes", file, _logDirectory);
        await process.WaitHttpOkAsync(uri, StartTimeout);
        return new Side(name, uri, [("ceiling", process)]);
    }

    private static (BenchProcess Process, Uri Uri) StartCeiling(List<BenchProcess> processes, string self, string mode, string? argument, string logDirectory)
    {
        var port = FreePort.Next();
        var portText = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        string[] args = argument is null ? ["serve", mode, portText] : ["serve", mode, portText, argument];
        return (Track(processes, BenchProcess.StartDll("ceiling-" + mode, self, args, logDirectory)), new Uri($"http://127.0.0.1:{port}/"));
    }

    private static BenchProcess Track(List<BenchProcess> processes, BenchProcess process)
    {
        processes.Add(process);
        return process;
    }

    public void Dispose()
    {
        // The emulator goes first so the silo's hanging synccheck long-polls end at once.
        foreach (var process in _processes)
        {
            process.Dispose();
        }
        _database?.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }
}
