using OpenWxCluster.TestKit;

namespace OpenWxCluster.Process.Tests;

/// <summary>What all silo processes of one test cluster share, certificates from the cluster CA included.</summary>
public sealed record SiloSettings(string ConnectionString, string EmulatorUrl, string ClusterId, string ServiceId, TestCertificates Certificates);
