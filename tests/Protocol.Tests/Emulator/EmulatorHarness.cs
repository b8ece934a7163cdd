using Microsoft.Extensions.DependencyInjection;
using OpenWxCluster.Emulator;
using OpenWxCluster.Emulator.Control;
using OpenWxCluster.Emulator.World;
using OpenWxCluster.Protocol.Hosting;
using OpenWxCluster.Protocol.Tests.Support;

namespace OpenWxCluster.Protocol.Tests.Emulator;

/// <summary>
/// An in-process emulator on a free loopback port plus the driver exactly as the silo registers it
/// (AddWebWxProtocol with LoopbackBaseUrl), with a <see cref="PathRecorder"/> added to its client pipeline.
/// </summary>
public sealed class EmulatorHarness : IAsyncDisposable
{
    private readonly EmulatorHost _host;
    private readonly ServiceProvider _services;

    private EmulatorHarness(EmulatorHost host, ServiceProvider services, PathRecorder recorder)
    {
        _host = host;
        _services = services;
        Recorder = recorder;
        Driver = services.GetRequiredService<IWxProtocolDriver>();
    }

    public IWxProtocolDriver Driver { get; }

    public PathRecorder Recorder { get; }

    public EmulatorWorld World => _host.World;

    public static async Task<EmulatorHarness> StartAsync(EmulatorOptions? options = null)
    {
        var host = await EmulatorHost.StartAsync(options ?? new EmulatorOptions { LoginPollHold = TimeSpan.FromMilliseconds(200) });
        var recorder = new PathRecorder();
        var services = new ServiceCollection();
        services.AddWebWxProtocol(o => o.LoopbackBaseUrl = host.BaseUri.GetLeftPart(UriPartial.Authority));
        services.AddHttpClient(ProtocolServiceCollectionExtensions.HttpClientName).AddHttpMessageHandler(() => recorder);
        return new EmulatorHarness(host, services.BuildServiceProvider(), recorder);
    }

    /// <summary>Creates a user with a unique wxid (the world outlives nothing, but ids stay readable in failures).</summary>
    public UserInfo User(string name, params string[] friends) =>
        World.CreateUser(new CreateUserRequest { Wxid = $"wxid_{name}", NickName = name, Friends = friends });

    /// <summary>The QR login without assertions: uuid, QR, scan by image, confirm, newloginpage, init.</summary>
    public async Task<WxSession> LoginAsync(string wxid)
    {
        var uuid = await Driver.GetUuidAsync();
        World.ScanImage(await Driver.GetQrCodeAsync(uuid), wxid);
        World.Confirm(uuid);
        var poll = await Driver.PollLoginAsync(uuid, scanned: true);
        Assert.Equal(LoginPollResult.Confirmed, poll.Code);
        var session = await Driver.NewLoginPageAsync(poll.RedirectUri!);
        await Driver.InitAsync(session);
        return session;
    }

    /// <summary>The account's session UserName for a wxid or group id.</summary>
    public string NameOf(string accountWxid, string id) => World.ResolveUserName(accountWxid, id).UserName;

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await _host.DisposeAsync();
    }
}
