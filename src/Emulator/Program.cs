using System.Net;

namespace OpenWxCluster.Emulator;

/// <summary>
/// Standalone emulator: <c>dotnet run --project src/Emulator -- --urls http://127.0.0.1:5800 [--demo] [--domain wx2.qq.com]</c>.
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var url = new Uri("http://127.0.0.1:5800");
        var demo = false;
        var domain = "wx2.qq.com";
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--urls" when i + 1 < args.Length:
                    url = new Uri(args[++i].Split(';')[0]);
                    break;
                case "--domain" when i + 1 < args.Length:
                    domain = args[++i];
                    break;
                case "--demo":
                    demo = true;
                    break;
                default:
                    await Console.Error.WriteLineAsync($"unknown argument {args[i]}; usage: --urls http://127.0.0.1:5800 [--demo] [--domain wx2.qq.com]");
                    return 2;
            }
        }

        var address = url.Host is "localhost" ? IPAddress.Loopback : IPAddress.Parse(url.Host);
        await using var host = await EmulatorHost.StartAsync(new EmulatorOptions
        {
            ListenAddress = address,
            Port = url.Port,
            Demo = demo,
            Domain = domain,
        });
        Console.WriteLine($"web WeChat emulator on {host.BaseUri} (account domain {domain}{(demo ? ", demo mode" : "")})");
        await host.WaitForShutdownAsync();
        return 0;
    }
}
