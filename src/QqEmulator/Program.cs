using System.Globalization;
using System.Net;

namespace OpenWxCluster.QqEmulator;

/// <summary>
/// Standalone QQ emulator: <c>dotnet run --project src/QqEmulator -- --urls http://127.0.0.1:5700 [--token T] [--secret S]
/// [--post URL]... [--heartbeat MS] [--bot SELF_ID:NICKNAME]...</c>.
/// </summary>
public static class Program
{
    private const string Usage = "usage: --urls http://127.0.0.1:5700 [--token T] [--secret S] [--post URL]... [--heartbeat MS] [--bot SELF_ID:NICKNAME]... [--demo]";

    public static async Task<int> Main(string[] args)
    {
        var url = new Uri("http://127.0.0.1:5700");
        string? token = null, secret = null;
        TimeSpan? heartbeat = null;
        var posts = new List<Uri>();
        var bots = new List<(long, string)>();
        var demo = false;
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--urls" when value is not null: url = new Uri(value.Split(';')[0]); break;
                case "--token" when value is not null: token = value; break;
                case "--secret" when value is not null: secret = value; break;
                case "--post" when value is not null: posts.Add(new Uri(value)); break;
                case "--heartbeat" when value is not null: heartbeat = TimeSpan.FromMilliseconds(int.Parse(value, CultureInfo.InvariantCulture)); break;
                case "--demo": demo = true; i--; break;
                case "--bot" when value?.Split(':', 2) is [var id, var nick]: bots.Add((long.Parse(id, CultureInfo.InvariantCulture), nick)); break;
                default:
                    await Console.Error.WriteLineAsync($"unknown argument {args[i]}; {Usage}");
                    return 2;
            }

            i++;
        }

        await using var host = await QqEmulatorHost.StartAsync(new QqEmulatorOptions
        {
            ListenAddress = url.Host is "localhost" ? IPAddress.Loopback : IPAddress.Parse(url.Host),
            Port = url.Port,
            AccessToken = token,
            Secret = secret,
            PostUrls = posts,
            HeartbeatInterval = heartbeat,
            Demo = demo,
        });
        foreach (var (id, nick) in bots)
        {
            host.World.CreateBot(id, nick);
        }

        Console.WriteLine($"QQ emulator (OneBot v11) on {host.BaseUri}");
        await host.WaitForShutdownAsync();
        return 0;
    }
}
