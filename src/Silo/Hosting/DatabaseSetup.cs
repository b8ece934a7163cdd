using OpenWxCluster.Persistence;

namespace OpenWxCluster.Silo.Hosting;

/// <summary>Applies the project's PostgreSQL schema before Orleans reads its query catalogue (pitfall P2).</summary>
public static class DatabaseSetup
{
    public static async Task ApplyIfAskedAsync(AppOptions app, CancellationToken cancellationToken = default)
    {
        if (!app.InitDb || !app.UsesPostgres || string.IsNullOrWhiteSpace(app.ConnectionString))
        {
            return;
        }
        await PostgresSchema.ApplyAsync(app.ConnectionString, cancellationToken);
    }
}
