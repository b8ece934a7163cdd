using OpenWxCluster.WebFront;

namespace OpenWxCluster.Silo.Hosting;

/// <summary>
/// Host settings, section <c>App</c> (never <c>Orleans</c>: Orleans binds that section itself, pitfall P3).
/// Command line: <c>--App:Storage=postgres</c>, environment: <c>App__Storage=postgres</c>.
/// </summary>
public sealed class AppOptions
{
    public const string Section = "App";

    /// <summary>memory (embedded default) or postgres.</summary>
    public string Storage { get; set; } = "memory";

    /// <summary>localhost (single silo, embedded default) or postgres.</summary>
    public string Clustering { get; set; } = "localhost";

    /// <summary>memory or postgres; defaults to the clustering choice.</summary>
    public string? Reminders { get; set; }

    /// <summary>Npgsql connection string for the postgres providers.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// Grain state writes of many accounts sent to PostgreSQL in one round trip and one commit, at most; 1 sends each
    /// alone. A write never waits for a batch to fill: it goes with whatever is queued when a connection is free.
    /// </summary>
    public int StorageWriteBatch { get; set; } = Persistence.Hosting.PostgresSiloBuilderExtensions.DefaultWriteBatch;

    /// <summary>
    /// A file with one base64 32-byte key per line (<c>openssl rand -base64 32</c>): the first seals grain state in
    /// PostgreSQL, the others only read rows sealed before a rotation. The same file on every silo.
    /// </summary>
    public string? StateKeyFile { get; set; }

    /// <summary>A base64 32-byte key (for environment variables); when set it seals writes, before the file's keys.</summary>
    public string? StateKey { get; set; }

    /// <summary><c>on</c> (a key is required with PostgreSQL storage) or <c>off</c> (secrets stored in clear: unsafe).</summary>
    public string StateEncryption { get; set; } = "on";

    /// <summary>Apply the project's PostgreSQL schema at start (idempotent). Also <c>--init-db</c>.</summary>
    public bool InitDb { get; set; }

    /// <summary>wechat (the real hosts, production default) or emulator.</summary>
    public string Upstream { get; set; } = "wechat";

    /// <summary>Base URL of an external emulator; empty with Upstream=emulator starts one in-process.</summary>
    public string? EmulatorUrl { get; set; }

    /// <summary>Demo mode (<c>--demo</c>): in-process emulator whose simulated phone scans and chats.</summary>
    public bool Demo { get; set; }

    /// <summary>
    /// Token of the control API of emulators started inside this silo (<c>Authorization: Bearer</c>); unset: a random
    /// one per run, so nothing on the machine can drive them.
    /// </summary>
    public string EmulatorControlToken { get; set; } = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));

    /// <summary>The Orleans Dashboard at /admin/dashboard, behind the admin console's credential.</summary>
    public bool Dashboard { get; set; } = true;

    public int SiloPort { get; set; } = 11111;
    public int GatewayPort { get; set; } = 30000;
    public string ClusterId { get; set; } = "openwx";
    public string ServiceId { get; set; } = "openwx";

    /// <summary>Address the silo advertises to the cluster.</summary>
    public string AdvertisedIp { get; set; } = "127.0.0.1";

    /// <summary>Mutual TLS on <see cref="SiloPort"/> and <see cref="GatewayPort"/>, section <c>App:Tls</c>.</summary>
    public OrleansTlsOptions Tls { get; set; } = new();

    /// <summary>How the Orleans ports are protected, for the start-up banner.</summary>
    public string OrleansPortProtection =>
        Tls.IsOn(IsPostgres(Clustering)) ? "mutual TLS" : IsPostgres(Clustering) ? "NO TLS (App:Tls:Mode=off)" : "127.0.0.1 only, no TLS";

    public bool UsesPostgres => IsPostgres(Storage) || IsPostgres(Clustering) || IsPostgres(Reminders ?? Clustering);

    public static bool IsPostgres(string? value) => string.Equals(value, "postgres", StringComparison.OrdinalIgnoreCase);
}
