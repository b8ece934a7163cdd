namespace OpenWxCluster.WebFront;

/// <summary>
/// Mutual TLS on the Orleans silo-to-silo and gateway ports, section <c>App:Tls</c> (silo and stand-alone web front
/// alike). Every silo and client of a cluster holds a certificate issued by the same private CA; a peer is trusted
/// when its certificate chains to that CA, so no host names are involved (peers are addressed by IP).
/// </summary>
public sealed class OrleansTlsOptions
{
    public const string Section = "App:Tls";

    /// <summary>
    /// <c>auto</c> (default): on for a multi-host cluster (PostgreSQL clustering, a gateway list or connection string
    /// on the client) and whenever a certificate is configured; off for the embedded single silo, whose ports listen on
    /// 127.0.0.1 only. <c>on</c>: always. <c>off</c>: never (an explicit, unsafe choice off loopback).
    /// </summary>
    public string Mode { get; set; } = "auto";

    /// <summary>This node's certificate with its private key: PKCS#12 (<c>.pfx</c>/<c>.p12</c>) or PEM.</summary>
    public string? CertificatePath { get; set; }

    /// <summary>PEM private key, when it is not inside <see cref="CertificatePath"/>.</summary>
    public string? KeyPath { get; set; }

    /// <summary>Password of the PKCS#12 file or of an encrypted PEM key.</summary>
    public string? CertificatePassword { get; set; }

    /// <summary>The cluster CA certificate (PEM or DER) every peer's certificate must chain to.</summary>
    public string? CaCertificatePath { get; set; }

    /// <summary>Whether TLS applies; <paramref name="multiHost"/>: the node talks to other hosts' Orleans ports.</summary>
    public bool IsOn(bool multiHost) => Mode.Trim().ToLowerInvariant() switch
    {
        "off" => false,
        "on" => true,
        "auto" or "" => multiHost || !string.IsNullOrWhiteSpace(CertificatePath),
        _ => throw new InvalidOperationException($"{Section}:Mode must be auto, on or off, not '{Mode}'."),
    };
}
