using System.Security.Cryptography.X509Certificates;

namespace OpenWxCluster.WebFront;

/// <summary>This node's certificate (with key) and the cluster CA its peers must chain to.</summary>
public sealed record OrleansTlsCredentials(X509Certificate2 Certificate, X509Certificate2 Authority);
