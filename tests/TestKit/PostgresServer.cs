using System.Globalization;
using Npgsql;

namespace OpenWxCluster.TestKit;

/// <summary>
/// A throwaway PostgreSQL server for tests: its own data directory under the temp folder, listening on 127.0.0.1
/// on a free port (Unix socket inside that folder, so nothing outside it is touched), tuned for speed (fsync off).
/// Dispose stops it (pg_ctl -m fast) and deletes the folder. Isolate tests with a fresh database each
/// (<see cref="CreateDatabaseAsync"/>).
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private const int StartAttempts = 5;
    private static readonly TimeSpan ToolTimeout = TimeSpan.FromSeconds(60);

    private readonly string _binDirectory;
    private readonly string _rootDirectory;
    private readonly bool _durableCommits;
    private int _disposed;

    private PostgresServer(string binDirectory, string rootDirectory, int port, bool durableCommits)
    {
        _durableCommits = durableCommits;
        _binDirectory = binDirectory;
        _rootDirectory = rootDirectory;
        Port = port;
        // Safety net for a test host that exits without disposing its fixtures: never leave a server behind.
        AppDomain.CurrentDomain.ProcessExit += OnProcessExit;
    }

    /// <summary>The TCP port on 127.0.0.1.</summary>
    public int Port { get; }

    /// <summary>The folder holding the data directory, the socket and server.log.</summary>
    public string RootDirectory => _rootDirectory;

    private string DataDirectory => Path.Combine(_rootDirectory, "data");

    private string LogFile => Path.Combine(_rootDirectory, "server.log");

    /// <summary>initdb + start. Throws with the tool output if the binaries are missing or the server won't start.</summary>
    /// <param name="durableCommits">
    /// Keep <c>synchronous_commit</c> on, as a real server has it: a commit is acknowledged only once its WAL is
    /// written, so <see cref="CrashAsync"/> loses nothing that was acknowledged. Off (the default, for speed), a crash
    /// loses the last commits — the database, not the product, would lose data.
    /// </param>
    public static async Task<PostgresServer> StartAsync(CancellationToken ct = default, bool durableCommits = false)
    {
        var bin = PostgresBinaries.FindBinDirectory();
        var root = Path.Combine(Path.GetTempPath(), "openwx-pg-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(root);
        try
        {
            if (ProcessRunner.IsRoot)
            {
                await RunCheckedAsync("chown", ["postgres:postgres", root], asPostgres: false, ct);
            }

            await RunCheckedAsync(
                Path.Combine(bin, "initdb"),
                ["-D", Path.Combine(root, "data"), "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-locale"],
                asPostgres: true,
                ct);

            // The free port can be taken between picking and binding: retry with another one.
            string lastOutput = string.Empty;
            for (var attempt = 0; attempt < StartAttempts; attempt++)
            {
                var server = new PostgresServer(bin, root, FreePort.Next(), durableCommits);
                var (exitCode, output) = await server.PgCtlStartAsync(ct);
                if (exitCode == 0)
                {
                    return server;
                }

                // pg_ctl may have given up waiting while the server still came up: make sure it is down.
                AppDomain.CurrentDomain.ProcessExit -= server.OnProcessExit;
                await server.StopAsync();
                lastOutput = output + Environment.NewLine + ReadLogTail(Path.Combine(root, "server.log"));
            }

            throw new InvalidOperationException(
                $"PostgreSQL did not start after {StartAttempts} attempts:{Environment.NewLine}{lastOutput}");
        }
        catch
        {
            TryDeleteDirectory(root);
            throw;
        }
    }

    /// <summary>A connection string for <paramref name="database"/> as the trusted superuser postgres.</summary>
    public string ConnectionString(string database)
    {
        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = Port,
            Username = "postgres",
            Database = database,
            IncludeErrorDetail = true,
            // Many pools (one per database and per process) share max_connections=300.
            MaxPoolSize = 50,
        };
        return builder.ConnectionString;
    }

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string name, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        var maintenance = new NpgsqlConnectionStringBuilder(ConnectionString("postgres")) { Pooling = false };
        await using var connection = new NpgsqlConnection(maintenance.ConnectionString);
        await connection.OpenAsync(ct);
        var quoted = "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        await using var command = new NpgsqlCommand("CREATE DATABASE " + quoted, connection);
        await command.ExecuteNonQueryAsync(ct);
        return ConnectionString(name);
    }

    /// <summary>Creates a database with a unique name derived from <paramref name="prefix"/>.</summary>
    public Task<string> CreateUniqueDatabaseAsync(string prefix = "test", CancellationToken ct = default) =>
        CreateDatabaseAsync(
            (prefix + "_" + Guid.NewGuid().ToString("N")[..12]).ToLowerInvariant(), ct);

    /// <summary>Stops the server (fast shutdown) and deletes its folder.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;
        try
        {
            await StopAsync();
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            TryDeleteDirectory(_rootDirectory);
        }
    }

    /// <summary>
    /// Stops the server at once (<c>-m immediate</c>: no checkpoint, connections cut), as a crash would. Start the
    /// server with durable commits for a test that expects acknowledged commits to survive it.
    /// </summary>
    public async Task CrashAsync()
    {
        await ProcessRunner.RunAsync(
            Path.Combine(_binDirectory, "pg_ctl"),
            ["-D", DataDirectory, "-m", "immediate", "-w", "-t", "30", "stop"],
            ToolTimeout,
            asPostgres: true);
    }

    /// <summary>Starts the server again on the same port and data directory (after <see cref="CrashAsync"/>).</summary>
    public async Task RestartAsync()
    {
        var (exitCode, output) = await PgCtlStartAsync(CancellationToken.None);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"PostgreSQL did not start again:{Environment.NewLine}{output}");
        }
    }

    private async Task<(int ExitCode, string Output)> PgCtlStartAsync(CancellationToken ct)
    {
        var options = string.Join(
            ' ',
            "-c listen_addresses=127.0.0.1",
            "-p " + Port.ToString(CultureInfo.InvariantCulture),
            "-k " + _rootDirectory,
            // fsync off survives a process crash (the OS keeps the pages); synchronous_commit off does not.
            _durableCommits ? "-c fsync=off -c full_page_writes=off" : "-c fsync=off -c synchronous_commit=off -c full_page_writes=off",
            "-c max_connections=300");
        return await ProcessRunner.RunAsync(
            Path.Combine(_binDirectory, "pg_ctl"),
            ["-D", DataDirectory, "-l", LogFile, "-w", "-t", "30", "-o", options, "start"],
            ToolTimeout,
            asPostgres: true,
            ct: ct);
    }

    private async Task StopAsync()
    {
        if (!File.Exists(Path.Combine(DataDirectory, "postmaster.pid")))
        {
            return;
        }

        await ProcessRunner.RunAsync(
            Path.Combine(_binDirectory, "pg_ctl"),
            ["-D", DataDirectory, "-m", "fast", "-w", "-t", "30", "stop"],
            ToolTimeout,
            asPostgres: true);
    }

    private void OnProcessExit(object? sender, EventArgs e) => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private static async Task RunCheckedAsync(string tool, string[] arguments, bool asPostgres, CancellationToken ct)
    {
        var (exitCode, output) = await ProcessRunner.RunAsync(tool, arguments, ToolTimeout, asPostgres: asPostgres, ct: ct);
        if (exitCode != 0)
        {
            throw new InvalidOperationException(
                $"{Path.GetFileName(tool)} failed with exit code {exitCode}:{Environment.NewLine}{output}");
        }
    }

    private static string ReadLogTail(string path)
    {
        try
        {
            return File.Exists(path) ? string.Join(Environment.NewLine, File.ReadLines(path).TakeLast(20)) : string.Empty;
        }
        catch (IOException)
        {
            return string.Empty;
        }
    }

    private static void TryDeleteDirectory(string path)
    {
        try
        {
            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }
        }
        catch (IOException)
        {
            // Best effort: a leftover temp folder must not fail a test run.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
