namespace OpenWxCluster.Grains.UnitTests;

/// <summary>A trigger the state machine does not know.</summary>
internal sealed record UnknownTrigger : LoginTrigger;
