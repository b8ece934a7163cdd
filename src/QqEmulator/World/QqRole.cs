namespace OpenWxCluster.QqEmulator.World;

/// <summary>A group member's rank; the order matters: only a higher rank may ban, kick or rename a lower one.</summary>
public enum QqRole
{
    Member = 0,
    Admin = 1,
    Owner = 2,
}
