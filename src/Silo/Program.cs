namespace OpenWxCluster.Silo;

public static class Program
{
    public static async Task Main(string[] args)
    {
        var (app, emulator) = await SiloApp.BuildAsync(args);
        try
        {
            await app.RunAsync();
        }
        finally
        {
            if (emulator is not null)
            {
                await emulator.DisposeAsync();
            }
        }
    }
}
