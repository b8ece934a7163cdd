using OpenWxCluster.QqEmulator.World;

namespace OpenWxCluster.QqEmulator.Demo;

/// <summary>
/// Demo mode's QQ world: bot 10001 "演示机器人" with two friends and a group; every chat interval one of them writes
/// to the bot (a friend privately, or a member in the group), taking turns.
/// </summary>
public static class QqDemo
{
    public const long Bot = 10001;
    public const long Friend1 = 20001, Friend2 = 20002, Member = 20003, Group = 30001;

    private static readonly string[] Lines = ["你好 [微笑]", "在吗？", "今天天气不错", "周末一起打球吧 [呲牙]", "收到请回复"];

    public static void Seed(QqWorld world)
    {
        ArgumentNullException.ThrowIfNull(world);
        world.CreateBot(Bot, "演示机器人");
        world.CreateUser(new QqUser(Friend1, "小明", "male", 24));
        world.CreateUser(new QqUser(Friend2, "小红", "female", 23));
        world.CreateUser(new QqUser(Member, "老王", "male", 40));
        world.CreateFriendship(Bot, Friend1);
        world.CreateFriendship(Bot, Friend2);
        world.CreateGroup(Group, "演示群", Friend1);
        world.AddMember(Group, Bot, QqRole.Admin);
        world.AddMember(Group, Friend2);
        world.AddMember(Group, Member, card: "王哥");
    }

    /// <summary>One message per interval while the bot is online; ends with cancellation.</summary>
    public static async Task ChatAsync(QqWorld world, TimeSpan interval, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(world);
        using var timer = new PeriodicTimer(interval);
        for (var turn = 0; await timer.WaitForNextTickAsync(ct); turn++)
        {
            if (!world.IsOnline(Bot))
            {
                continue;
            }
            var line = MessageSegment.Text(Lines[turn % Lines.Length]);
            switch (turn % 3)
            {
                case 0:
                    world.UserSendsPrivate(Friend1, Bot, [line]);
                    break;
                case 1:
                    world.UserSendsGroup(Member, Group, [line]);
                    break;
                default:
                    world.UserSendsPrivate(Friend2, Bot, [line]);
                    break;
            }
        }
    }
}
