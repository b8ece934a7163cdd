namespace OpenWxCluster.QqProtocol;

/// <summary>A group member's role; <see cref="Unknown"/> for private senders or an unrecognised value.</summary>
public enum QqGroupRole
{
    Unknown,
    Member,
    Admin,
    Owner,
}
