using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace OpenWxCluster.TestKit;

/// <summary>
/// A throwaway cluster CA and one node certificate it issued (server and client authentication), written to a
/// folder as a real operator would hand them over: <c>ca.crt</c> (PEM), <c>node.pfx</c> (PKCS#12 with a password),
/// and the same node as <c>node.crt</c> + <c>node.key</c> (PEM).
/// </summary>
public sealed class TestCertificates
{
    private TestCertificates(string directory, X509Certificate2 node)
    {
        Directory = directory;
        Node = node;
    }

    public string Directory { get; }
    public string CaPath => Path.Combine(Directory, "ca.crt");
    public string PfxPath => Path.Combine(Directory, "node.pfx");
    public string PfxPassword => "test-pfx-password";
    public string CertificatePemPath => Path.Combine(Directory, "node.crt");
    public string KeyPemPath => Path.Combine(Directory, "node.key");

    /// <summary>The node certificate with its private key, for an in-process Orleans client.</summary>
    public X509Certificate2 Node { get; }

    /// <summary>Silo arguments: the PKCS#12 form.</summary>
    public IEnumerable<string> PfxArgs =>
    [
        "--App:Tls:CertificatePath=" + PfxPath,
        "--App:Tls:CertificatePassword=" + PfxPassword,
        "--App:Tls:CaCertificatePath=" + CaPath,
    ];

    /// <summary>Arguments with the PEM certificate and key.</summary>
    public IEnumerable<string> PemArgs =>
    [
        "--App:Tls:CertificatePath=" + CertificatePemPath,
        "--App:Tls:KeyPath=" + KeyPemPath,
        "--App:Tls:CaCertificatePath=" + CaPath,
    ];

    public static TestCertificates Create(string directory, string caName)
    {
        System.IO.Directory.CreateDirectory(directory);
        var now = DateTimeOffset.UtcNow;
        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var caRequest = new CertificateRequest($"CN={caName}", caKey, HashAlgorithmName.SHA256);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        caRequest.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(caRequest.PublicKey, false));
        using var ca = caRequest.CreateSelfSigned(now.AddMinutes(-5), now.AddDays(2));

        using var nodeKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var nodeRequest = new CertificateRequest("CN=openwx-node", nodeKey, HashAlgorithmName.SHA256);
        nodeRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        nodeRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        nodeRequest.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(
            [new Oid("1.3.6.1.5.5.7.3.1"), new Oid("1.3.6.1.5.5.7.3.2")], false));
        nodeRequest.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(ca, true, false));
        using var issued = nodeRequest.Create(ca, now.AddMinutes(-5), now.AddDays(1), RandomNumberGenerator.GetBytes(12));
        var node = issued.CopyWithPrivateKey(nodeKey);

        var result = new TestCertificates(directory, node);
        File.WriteAllText(result.CaPath, ca.ExportCertificatePem());
        File.WriteAllBytes(result.PfxPath, node.Export(X509ContentType.Pkcs12, result.PfxPassword));
        File.WriteAllText(result.CertificatePemPath, node.ExportCertificatePem());
        File.WriteAllText(result.KeyPemPath, nodeKey.ExportPkcs8PrivateKeyPem());
        return result;
    }
}
