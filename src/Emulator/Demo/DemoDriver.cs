using OpenWxCluster.Emulator.Control;
using OpenWxCluster.Emulator.World;

namespace OpenWxCluster.Emulator.Demo;

/// <summary>
/// Demo mode's simulated phones: every waiting QR is scanned after DemoScanDelay by a freshly created demo user (with
/// a few friends and a group) and confirmed DemoConfirmDelay later; demo friends then chat every DemoChatInterval.
/// </summary>
internal sealed class DemoDriver(EmulatorWorld world, ILogger<DemoDriver> logger)
{
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(250);
    private static readonly string[] Lines = ["你好", "在吗？", "今天天气不错", "晚上一起吃饭吧", "收到，谢谢！", "明天见"];

    private readonly HashSet<string> _demoUsers = new(StringComparer.Ordinal);
    private int _counter;

    public async Task RunAsync(CancellationToken ct)
    {
        using var timer = new PeriodicTimer(Tick);
        var nextChat = DateTimeOffset.UtcNow + world.Options.DemoChatInterval;
        while (await timer.WaitForNextTickAsync(ct))
        {
            try
            {
                AdvanceLogins();
                if (DateTimeOffset.UtcNow >= nextChat)
                {
                    nextChat = DateTimeOffset.UtcNow + world.Options.DemoChatInterval;
                    Chat();
                }
            }
            catch (EmulatorControlException e)
            {
                // A login can expire or be taken by a control client between our read and our step.
                logger.LogDebug("demo step skipped: {Reason}", e.Message);
            }
        }
    }

    private void AdvanceLogins()
    {
        var now = DateTimeOffset.UtcNow;
        foreach (var login in world.ListLogins())
        {
            if (login.State == "waiting" && now - login.CreatedAt >= world.Options.DemoScanDelay)
            {
                var wxid = CreateDemoUser();
                world.Scan(login.Uuid, wxid);
                logger.LogInformation("demo phone of {Wxid} scanned a QR", wxid);
            }
            else if (login.State == "scanned" && login.ScannedBy is { } by && _demoUsers.Contains(by) &&
                     world.Logins.ByUuid(login.Uuid) is { } pending && now - pending.ChangedAt >= world.Options.DemoConfirmDelay)
            {
                world.Confirm(login.Uuid);
                logger.LogInformation("demo phone of {Wxid} confirmed the login", by);
            }
        }
    }

    private string CreateDemoUser()
    {
        var n = Interlocked.Increment(ref _counter);
        var wxid = $"wxid_demo{n:D3}_{Secrets.Lower(4)}";
        var user = world.CreateUser(new CreateUserRequest
        {
            Wxid = wxid,
            NickName = $"Demo {n}",
            Province = "广东",
            City = "深圳",
            GeneratedFriends = 4,
        });
        var friends = world.Directory.FriendsOf(user.Wxid);
        world.CreateGroup(new CreateGroupRequest { Name = $"Demo group {n}", Owner = friends[0], Members = [user.Wxid, .. friends.Skip(1)] });
        _demoUsers.Add(wxid);
        return wxid;
    }

    private void Chat()
    {
        foreach (var session in world.ListSessions().Where(s => _demoUsers.Contains(s.Wxid)))
        {
            var friends = world.Directory.FriendsOf(session.Wxid);
            if (friends.Count > 0)
            {
                var from = friends[Random.Shared.Next(friends.Count)];
                world.SendText(from, session.Wxid, Lines[Random.Shared.Next(Lines.Length)]);
            }

            if (world.Directory.GroupsOf(session.Wxid) is [var group, ..] && world.Directory.MembersOf(group) is { Count: > 1 } members)
            {
                var speaker = members.First(m => m != session.Wxid);
                world.SendText(speaker, group, Lines[Random.Shared.Next(Lines.Length)]);
            }
        }
    }
}
