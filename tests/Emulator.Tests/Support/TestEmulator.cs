using OpenWxCluster.Emulator.Control;

namespace OpenWxCluster.Emulator.Tests.Support;

/// <summary>An emulator on 127.0.0.1:0 with short holds, plus a control client and factory for protocol clients.</summary>
internal sealed class TestEmulator : IAsyncDisposable
{
    private readonly HttpClient _controlHttp;
    private readonly List<WxTestClient> _clients = [];

    private TestEmulator(EmulatorHost host)
    {
        Host = host;
        _controlHttp = new HttpClient { BaseAddress = host.BaseUri };
        Control = new EmulatorControlClient(_controlHttp);
    }

    public EmulatorHost Host { get; }

    public EmulatorControlClient Control { get; }

    /// <summary>Defaults for tests: any free port, holds short enough that a forgotten wake-up fails fast.</summary>
    public static EmulatorOptions Fast { get; } = new()
    {
        Port = 0,
        LoginPollHold = TimeSpan.FromSeconds(5),
        SyncCheckHold = TimeSpan.FromSeconds(5),
    };

    public static async Task<TestEmulator> StartAsync(EmulatorOptions? options = null) =>
        new(await EmulatorHost.StartAsync(options ?? Fast));

    public WxTestClient NewClient()
    {
        var client = new WxTestClient(Host.BaseUri);
        _clients.Add(client);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }

        _controlHttp.Dispose();
        await Host.DisposeAsync();
    }
}
