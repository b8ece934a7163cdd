namespace OpenWxCluster.QqEmulator.Control;

/// <summary>The body of a refused control call.</summary>
public sealed record ControlError(string Error, int Retcode);
