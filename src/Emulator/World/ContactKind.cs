namespace OpenWxCluster.Emulator.World;

public enum ContactKind
{
    User,
    PublicAccount,
    Group,
    System,
}
