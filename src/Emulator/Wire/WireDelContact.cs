namespace OpenWxCluster.Emulator.Wire;

/// <summary>A DelContactList entry.</summary>
public sealed record WireDelContact(string UserName, int ContactFlag);
