using System.Security.Cryptography.X509Certificates;
using Orleans.Connections.Security;

namespace OpenWxCluster.WebFront;

/// <summary>
/// Mutual TLS for Orleans (Microsoft.Orleans.Connections.Security): a silo's inbound silo and gateway connections and
/// its outbound silo connections (see the silo's OrleansSetup), a client's gateway connections. A peer without a certificate, or with one that does
/// not chain to the cluster CA, fails the handshake, so it can neither join the cluster nor call a grain.
/// </summary>
public static class OrleansTls
{
    /// <returns>Whether TLS is on.</returns>
    public static bool UseOpenWxTls(this IClientBuilder client, OrleansTlsOptions options, bool multiHost)
    {
        ArgumentNullException.ThrowIfNull(client);
        var credentials = Load(options, multiHost);
        if (credentials is not null)
        {
            client.UseTls(credentials.Certificate, tls => Apply(tls, credentials));
        }
        return credentials is not null;
    }

    /// <summary>The certificate and CA, or null when TLS is off; a missing or unusable file stops the start.</summary>
    public static OrleansTlsCredentials? Load(OrleansTlsOptions options, bool multiHost)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.IsOn(multiHost))
        {
            return null;
        }
        if (string.IsNullOrWhiteSpace(options.CertificatePath) || string.IsNullOrWhiteSpace(options.CaCertificatePath))
        {
            throw new InvalidOperationException(
                $"Orleans TLS is on (a multi-host cluster, or {OrleansTlsOptions.Section}:Mode=on): set {OrleansTlsOptions.Section}:CertificatePath " +
                $"and {OrleansTlsOptions.Section}:CaCertificatePath, or {OrleansTlsOptions.Section}:Mode=off to accept unauthenticated Orleans peers.");
        }
        var certificate = LoadIdentity(options);
        if (!certificate.HasPrivateKey)
        {
            throw new InvalidOperationException(
                $"{OrleansTlsOptions.Section}:CertificatePath holds no private key (give it in the file or in {OrleansTlsOptions.Section}:KeyPath).");
        }
        var authority = X509CertificateLoader.LoadCertificateFromFile(options.CaCertificatePath);
        if (!ChainsTo(certificate, authority))
        {
            throw new InvalidOperationException($"{OrleansTlsOptions.Section}: this node's certificate does not chain to the CA certificate.");
        }
        return new OrleansTlsCredentials(certificate, authority);
    }

    /// <summary>True when <paramref name="peer"/> is valid now and issued (directly or through intermediates sent with it) by <paramref name="authority"/>.</summary>
    public static bool ChainsTo(X509Certificate2 peer, X509Certificate2 authority)
    {
        ArgumentNullException.ThrowIfNull(peer);
        ArgumentNullException.ThrowIfNull(authority);
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(authority);
        // A private cluster CA publishes no revocation list; a compromised node is removed by re-issuing the CA.
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(peer) && chain.ChainElements[^1].Certificate.RawDataMemory.Span.SequenceEqual(authority.RawDataMemory.Span);
    }

    /// <summary>Require a peer certificate both ways and trust only the cluster CA (the silo applies it too).</summary>
    public static void Apply(TlsOptions tls, OrleansTlsCredentials credentials)
    {
        // A peer without a certificate is refused (Orleans' default too, stated so a change of default cannot open it).
        tls.RemoteCertificateMode = RemoteCertificateMode.RequireCertificate;
        // The platform's verdict (system roots, host name) is replaced: the cluster CA is the only trust anchor and
        // peers are reached by the IP in the membership table, so a host name check has nothing to compare.
        tls.RemoteCertificateValidation = (certificate, _, _) => ChainsTo(certificate, credentials.Authority);
    }

    private static X509Certificate2 LoadIdentity(OrleansTlsOptions options)
    {
        var path = options.CertificatePath!;
        var extension = Path.GetExtension(path).ToLowerInvariant();
        if (extension is ".pfx" or ".p12")
        {
            return X509CertificateLoader.LoadPkcs12FromFile(path, options.CertificatePassword);
        }
        var keyPath = string.IsNullOrWhiteSpace(options.KeyPath) ? null : options.KeyPath;
        return string.IsNullOrEmpty(options.CertificatePassword)
            ? X509Certificate2.CreateFromPemFile(path, keyPath)
            : X509Certificate2.CreateFromEncryptedPemFile(path, options.CertificatePassword, keyPath);
    }
}
