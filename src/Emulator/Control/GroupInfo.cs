namespace OpenWxCluster.Emulator.Control;

public sealed record GroupInfo(string GroupId, string Name, string Owner, IReadOnlyList<string> Members, bool SavedToContacts);
