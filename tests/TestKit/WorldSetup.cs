using OpenWxCluster.Emulator.Control;
using OpenWxCluster.Emulator.World;

namespace OpenWxCluster.TestKit;

/// <summary>The small worlds most tests need.</summary>
public static class WorldSetup
{
    /// <summary>
    /// Creates <c>{prefix}_pal</c> (nickname <paramref name="palNickName"/>) and the account user <c>{prefix}_bot</c>
    /// befriending it; returns the account's wxid.
    /// </summary>
    public static string CreateAccountWithFriend(this EmulatorWorld world, string prefix, string palNickName)
    {
        world.CreateUser(new CreateUserRequest { Wxid = prefix + "_pal", NickName = palNickName });
        world.CreateUser(new CreateUserRequest { Wxid = prefix + "_bot", NickName = prefix + "-bot", Friends = [prefix + "_pal"] });
        return prefix + "_bot";
    }
}
