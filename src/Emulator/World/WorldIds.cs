namespace OpenWxCluster.Emulator.World;

/// <summary>Conventions for stable ids: groups are <c>grp_*</c> or <c>*@chatroom</c>; a few system contacts keep fixed names.</summary>
public static class WorldIds
{
    public const string FileHelper = "filehelper";

    public static bool IsGroup(string id) =>
        id.StartsWith("grp_", StringComparison.Ordinal) || id.EndsWith("@chatroom", StringComparison.Ordinal);

    /// <summary>System contacts are addressed by the same literal UserName in every session, as on the real service.</summary>
    public static bool IsSystem(string id) => id is FileHelper or "weixin" or "fmessage" or "newsapp";
}
