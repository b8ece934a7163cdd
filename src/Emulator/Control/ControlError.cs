namespace OpenWxCluster.Emulator.Control;

/// <summary>Body of every non-2xx control reply.</summary>
public sealed record ControlError(string Error);
