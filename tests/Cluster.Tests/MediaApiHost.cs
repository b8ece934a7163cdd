using System.Text.Json;
using OpenWxCluster.Emulator.Control;
using OpenWxCluster.Emulator.World;
using OpenWxCluster.TestKit;

namespace OpenWxCluster.Cluster.Tests;

/// <summary>
/// A web front of the shared cluster whose media folder (<c>OpenWx:Media:SendFolder</c>) is a temporary folder of its
/// own, and the bots the media tests send from.
/// </summary>
public sealed class MediaApiHost : IAsyncDisposable
{
    private MediaApiHost(DirectoryInfo root, string folder, WebFrontHost web, EmulatorWorld world)
    {
        Root = root;
        Folder = folder;
        Web = web;
        World = world;
        Api = new OpenWxHttpApi(web.Http);
    }

    /// <summary>A temporary folder; <see cref="Folder"/> is its <c>media</c> subfolder.</summary>
    public DirectoryInfo Root { get; }

    public string Folder { get; }

    public WebFrontHost Web { get; }

    public OpenWxHttpApi Api { get; }

    private EmulatorWorld World { get; }

    public static async Task<MediaApiHost> StartAsync(ClusterFixture fixture)
    {
        var root = Directory.CreateTempSubdirectory("openwx-media-");
        var folder = Directory.CreateDirectory(Path.Combine(root.FullName, "media")).FullName;
        var web = await WebFrontHost.StartAsync(fixture.Cluster.Client, settings: new Dictionary<string, string?> { ["OpenWx:Media:SendFolder"] = folder });
        return new MediaApiHost(root, folder, web, fixture.Emulator.World);
    }

    /// <summary>
    /// Logs in <c>{prefix}_bot</c> with its friend <c>{prefix}_friend</c> (and the group <c>grp_{prefix}</c> of both);
    /// returns their ids as the account sees them (the group's once it is cached).
    /// </summary>
    public async Task<(string Friend, string? Group)> LoginBotAsync(string client, string prefix, bool withGroup = false)
    {
        World.CreateUser(new CreateUserRequest { Wxid = $"{prefix}_friend", NickName = $"{prefix} friend" });
        World.CreateUser(new CreateUserRequest { Wxid = $"{prefix}_bot", NickName = $"{prefix} bot", Friends = [$"{prefix}_friend"] });
        if (withGroup)
        {
            World.CreateGroup(new CreateGroupRequest { GroupId = $"grp_{prefix}", Name = $"{prefix} group", Owner = $"{prefix}_bot", Members = [$"{prefix}_friend"], SavedToContacts = true });
        }
        await Api.LoginAsync(World, client, $"{prefix}_bot");
        var friend = World.ResolveUserName($"{prefix}_bot", $"{prefix}_friend").UserName;
        if (!withGroup)
        {
            return (friend, null);
        }
        var group = World.ResolveUserName($"{prefix}_bot", $"grp_{prefix}").UserName;
        await Eventually.ValueAsync(
            () => Api.GetAsync("get_group_info", ("client", client)),
            groups => groups.ValueKind == JsonValueKind.Array && groups.EnumerateArray().Any(g => g.GetProperty("id").GetString() == group),
            TimeSpan.FromSeconds(30),
            $"group {group} cached for {client}");
        return (friend, group);
    }

    public async ValueTask DisposeAsync()
    {
        await Web.DisposeAsync();
        Root.Delete(recursive: true);
    }
}
