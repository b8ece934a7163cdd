using System.Net;
using Microsoft.Extensions.Options;
using OpenWxCluster.Grains.Options;

namespace OpenWxCluster.Grains.Webhooks;

/// <summary>
/// Which webhook destinations the cluster may POST to. By default everything but link-local and cloud metadata
/// addresses (a webhook URL must not read the silo's cloud credentials); an allow-list narrows it further. Checked
/// at start_client (with the host resolved) and again on every connection, so DNS that changes later does not
/// get around it.
/// </summary>
public sealed class DestinationPolicy
{
    // Cloud metadata endpoints outside link-local: Alibaba Cloud (common with Chinese operators), AWS over IPv6.
    private static readonly IPNetwork[] Metadata = [IPNetwork.Parse("100.100.100.200/32"), IPNetwork.Parse("fd00:ec2::254/128")];
    private static readonly IPNetwork[] LinkLocal = [IPNetwork.Parse("169.254.0.0/16"), IPNetwork.Parse("fe80::/10")];
    private static readonly IPNetwork[] NeverRoutable =
    [
        IPNetwork.Parse("0.0.0.0/8"), IPNetwork.Parse("224.0.0.0/3"), IPNetwork.Parse("::/128"), IPNetwork.Parse("ff00::/8"),
    ];
    private static readonly HashSet<string> MetadataHosts = new(StringComparer.OrdinalIgnoreCase)
    {
        "metadata", "metadata.google.internal", "metadata.goog", "instance-data", "instance-data.ec2.internal",
    };

    private readonly WebhookOptions _options;
    private readonly IPNetwork[] _allowNetworks;
    private readonly HashSet<string> _allowHosts;
    private readonly IPNetwork[] _deny;

    public DestinationPolicy(IOptions<WebhookOptions> options)
    {
        _options = options.Value;
        _allowNetworks = [.. _options.AllowList.Where(IsNetwork).Select(ParseNetwork)];
        _allowHosts = new HashSet<string>(_options.AllowList.Where(e => !IsNetwork(e)), StringComparer.OrdinalIgnoreCase);
        _deny = [.. _options.DenyList.Select(ParseNetwork)];
    }

    /// <summary>Checks the URL's form and host name; null when acceptable, else the reason.</summary>
    public string? CheckUrl(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            return "must be an absolute http or https URL";
        }
        if (!string.IsNullOrEmpty(uri.UserInfo))
        {
            return "must not carry user info";
        }
        var host = uri.IdnHost;
        if (MetadataHosts.Contains(host))
        {
            return "destination refused: cloud metadata host";
        }
        if (_options.AllowList.Count > 0 && !IPAddress.TryParse(host, out _) && !_allowHosts.Contains(host))
        {
            return "destination refused: host not in the allow-list";
        }
        return IPAddress.TryParse(host, out var literal) && Refusal(literal, host) is { } refused ? refused : null;
    }

    /// <summary>The URL's form, then every address its host resolves to.</summary>
    public async Task<string?> CheckAsync(string url, CancellationToken cancellation)
    {
        if (CheckUrl(url) is { } refused)
        {
            return refused;
        }
        var host = new Uri(url).IdnHost;
        IPAddress[] addresses;
        try
        {
            addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, cancellation);
        }
        catch (System.Net.Sockets.SocketException)
        {
            return "host does not resolve";
        }
        return addresses.Length == 0
            ? "host does not resolve"
            : addresses.Select(a => Refusal(a, host)).FirstOrDefault(r => r is not null);
    }

    /// <summary>Null when a connection to the address (reached through the host name) is allowed.</summary>
    public string? Refusal(IPAddress address, string host)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        if (Metadata.Any(n => n.Contains(address)) || (!_options.AllowLinkLocal && LinkLocal.Any(n => n.Contains(address))))
        {
            return "destination refused: link-local or cloud metadata address";
        }
        if (NeverRoutable.Any(n => n.Contains(address)) || address.Equals(IPAddress.Broadcast))
        {
            return "destination refused: not a unicast address";
        }
        if (_deny.Any(n => n.Contains(address)))
        {
            return "destination refused: address in the deny-list";
        }
        if (_options.AllowList.Count > 0 && !_allowHosts.Contains(host) && !_allowNetworks.Any(n => n.Contains(address)))
        {
            return "destination refused: not in the allow-list";
        }
        return null;
    }

    private static bool IsNetwork(string entry) => IPAddress.TryParse(entry, out _) || entry.Contains('/', StringComparison.Ordinal);

    private static IPNetwork ParseNetwork(string entry) =>
        entry.Contains('/', StringComparison.Ordinal) ? IPNetwork.Parse(entry) : new IPNetwork(IPAddress.Parse(entry), IPAddress.Parse(entry).AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128);
}
