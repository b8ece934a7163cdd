using PuppeteerSharp;

namespace OpenWxCluster.Cluster.Tests.Console;

/// <summary>
/// A cluster whose web front has an admin token, and one headless Debian Chromium (no browser download: the
/// machine's /usr/bin/chromium, flags that keep it off the closed network, a fresh profile per run).
/// </summary>
public sealed class ConsoleFixture : IAsyncLifetime
{
    public const string AdminToken = "console-admin-token-5f2c9e";

    private readonly string _profile = Path.Combine(Path.GetTempPath(), "openwx-console-" + Guid.NewGuid().ToString("N"));

    public ClusterFixture Cluster { get; } = new(null, null, webSettings: new Dictionary<string, string?>
    {
        ["App:Api:AdminToken"] = AdminToken,
    });

    public IBrowser Browser { get; private set; } = null!;

    public Uri BaseUri => Cluster.Http.BaseAddress!;

    public async Task InitializeAsync()
    {
        await Cluster.InitializeAsync();
        Directory.CreateDirectory(_profile);
        Browser = await Puppeteer.LaunchAsync(new LaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            UserDataDir = _profile,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync",
            ],
        });
    }

    public async Task DisposeAsync()
    {
        await Browser.CloseAsync();
        await Browser.DisposeAsync();
        await Cluster.DisposeAsync();
        Directory.Delete(_profile, recursive: true);
    }
}
