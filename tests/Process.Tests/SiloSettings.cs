namespace OpenWxCluster.Process.Tests;

/// <summary>What all silo processes of one test cluster share.</summary>
public sealed record SiloSettings(string ConnectionString, string EmulatorUrl, string ClusterId, string ServiceId);
