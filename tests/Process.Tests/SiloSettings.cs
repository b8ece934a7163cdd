using OpenWxCluster.TestKit;

namespace OpenWxCluster.Process.Tests;

/// <summary>
/// What all silo processes of one test cluster share, certificates from the cluster CA and the grain state key file
/// included (none: the silo is started without one).
/// </summary>
public sealed record SiloSettings(
    string ConnectionString, string EmulatorUrl, string ClusterId, string ServiceId, TestCertificates Certificates, string? StateKeyFile = null)
{
    /// <summary>The silo arguments that give it the state key.</summary>
    public IEnumerable<string> StateKeyArgs => StateKeyFile is null ? [] : ["--App:StateKeyFile=" + StateKeyFile];
}
