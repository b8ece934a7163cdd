using OpenWxCluster.Emulator.Control;

namespace OpenWxCluster.Emulator.World;

/// <summary>Lets tests check what the upstream recorded from webwxoplog and webwxverifyuser.</summary>
public sealed partial class EmulatorWorld
{
    public ContactStateInfo GetContactState(string wxid, string contactId) =>
        new(Directory.IsFriend(wxid, contactId), Directory.Describe(wxid, contactId)?.RemarkName ?? "", Directory.IsStuck(wxid, contactId));
}
