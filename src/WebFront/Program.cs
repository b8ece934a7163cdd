namespace OpenWxCluster.WebFront;

/// <summary>
/// The stand-alone web front: an Orleans client serving the Mojo-Weixin HTTP API. An explicit class (no top-level
/// statements) so test projects that also reference the silo don't see two global <c>Program</c> types.
/// </summary>
public static class Program
{
    public static void Main(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.UseOpenWxOrleansClient();
        builder.Services.AddOpenWxApi(builder.Configuration);
        if (builder.Configuration[OrleansClientExtensions.ConnectionStringKey] is { Length: > 0 } connectionString)
        {
            // A stand-alone front of a PostgreSQL cluster serves the media the silos stored there.
            builder.Services.Configure<OpenWxCluster.Media.MediaStoreOptions>(o => o.ConnectionString ??= connectionString);
        }

        var app = builder.Build();
        // OneBot implementations connect back over a reverse WebSocket (/onebot/{client}/ws).
        app.UseWebSockets();
        app.MapOpenWx();
        app.MapOpenQq();
        app.MapAdminConsole();
        app.Run();
    }
}
