using System.Net;

namespace OpenWxCluster.Emulator;

/// <summary>Start-up options of an emulator instance. Hold times and sizes can be changed later through the control API.</summary>
public sealed record EmulatorOptions
{
    /// <summary>Address Kestrel binds; loopback by default because the emulator is a test double, never a public service.</summary>
    public IPAddress ListenAddress { get; init; } = IPAddress.Loopback;

    /// <summary>TCP port; 0 picks any free port (read it back from <see cref="EmulatorHost.BaseUri"/>).</summary>
    public int Port { get; init; }

    /// <summary>Account domain written into the login redirect; differs from the login host so drivers must switch domains.</summary>
    public string Domain { get; init; } = "wx2.qq.com";

    /// <summary>Runs the simulated phone (auto scan/confirm) and periodic friend chatter.</summary>
    public bool Demo { get; init; }

    /// <summary>When set, <c>/control</c> needs <c>Authorization: Bearer &lt;token&gt;</c>.</summary>
    public string? ControlToken { get; init; }

    public TimeSpan LoginPollHold { get; init; } = TimeSpan.FromSeconds(25);
    public TimeSpan SyncCheckHold { get; init; } = TimeSpan.FromSeconds(25);
    public TimeSpan QrLifetime { get; init; } = TimeSpan.FromMinutes(5);
    public int ContactPageSize { get; init; } = 200;
    public int BatchGetContactLimit { get; init; } = 50;

    /// <summary>Most AddMsgList/ModContactList entries in one webwxsync; more sets ContinueFlag.</summary>
    public int SyncBatchSize { get; init; } = 50;

    /// <summary>Bound of each session's pending-event queue; the oldest events are dropped beyond it.</summary>
    public int PendingEventLimit { get; init; } = 1000;

    /// <summary>How many sent messages per account the control API remembers.</summary>
    public int SentLogLimit { get; init; } = 1000;

    public TimeSpan DemoScanDelay { get; init; } = TimeSpan.FromSeconds(2);
    public TimeSpan DemoConfirmDelay { get; init; } = TimeSpan.FromSeconds(2);
    public TimeSpan DemoChatInterval { get; init; } = TimeSpan.FromSeconds(10);
}
