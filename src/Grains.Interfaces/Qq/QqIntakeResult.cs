namespace OpenWxCluster.Contracts;

/// <summary>What became of an event the implementation pushed (the front maps it to an HTTP status).</summary>
[GenerateSerializer]
public enum QqIntakeResult
{
    /// <summary>Saved (or already known): the implementation may forget it.</summary>
    Accepted,

    /// <summary>The account is not started (or is not a QQ account with an event transport).</summary>
    NotStarted,

    /// <summary>A secret is set and the X-Signature is missing or wrong.</summary>
    BadSignature,

    /// <summary>A token is set and the connection did not present it.</summary>
    Unauthorized,

    /// <summary>The event belongs to another QQ account than the one this account logged in as.</summary>
    WrongSelf,

    /// <summary>Not a OneBot event (not a JSON object).</summary>
    Malformed,
}
