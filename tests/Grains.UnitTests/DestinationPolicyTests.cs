using System.Net;
using Microsoft.Extensions.Options;
using OpenWxCluster.Grains.Options;
using OpenWxCluster.Grains.Webhooks;

namespace OpenWxCluster.Grains.UnitTests;

/// <summary>Which webhook destinations are refused: link-local and metadata always, then the deny- and allow-lists.</summary>
public sealed class DestinationPolicyTests
{
    private static DestinationPolicy Policy(Action<WebhookOptions>? configure = null)
    {
        var options = new WebhookOptions();
        configure?.Invoke(options);
        return new DestinationPolicy(Microsoft.Extensions.Options.Options.Create(options));
    }

    [Theory]
    [InlineData("169.254.169.254")]
    [InlineData("169.254.1.1")]
    [InlineData("100.100.100.200")]
    [InlineData("fe80::1")]
    [InlineData("fd00:ec2::254")]
    [InlineData("::ffff:169.254.169.254")]
    [InlineData("0.0.0.0")]
    [InlineData("224.0.0.1")]
    [InlineData("255.255.255.255")]
    public void Link_local_metadata_and_non_unicast_addresses_are_refused(string address)
    {
        Assert.NotNull(Policy().Refusal(IPAddress.Parse(address), address));
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("::1")]
    [InlineData("10.0.0.5")]
    [InlineData("192.168.1.10")]
    [InlineData("8.8.8.8")]
    public void Loopback_private_and_public_addresses_are_allowed_by_default(string address)
    {
        Assert.Null(Policy().Refusal(IPAddress.Parse(address), address));
    }

    [Fact]
    public void Link_local_can_be_allowed_but_metadata_outside_it_stays_refused()
    {
        var policy = Policy(o => o.AllowLinkLocal = true);
        Assert.Null(policy.Refusal(IPAddress.Parse("169.254.10.10"), "169.254.10.10"));
        Assert.NotNull(policy.Refusal(IPAddress.Parse("100.100.100.200"), "100.100.100.200"));
    }

    [Fact]
    public void The_allow_list_admits_only_its_hosts_and_networks()
    {
        var policy = Policy(o => o.AllowList = ["hooks.example.org", "10.0.0.0/8", "192.168.7.7"]);
        Assert.Null(policy.Refusal(IPAddress.Parse("10.9.8.7"), "10.9.8.7"));
        Assert.Null(policy.Refusal(IPAddress.Parse("192.168.7.7"), "192.168.7.7"));
        Assert.Null(policy.Refusal(IPAddress.Parse("203.0.113.5"), "hooks.example.org"));
        Assert.NotNull(policy.Refusal(IPAddress.Parse("127.0.0.1"), "127.0.0.1"));
        Assert.NotNull(policy.Refusal(IPAddress.Parse("203.0.113.5"), "other.example.org"));
        Assert.NotNull(policy.CheckUrl("http://other.example.org/h"));
        Assert.Null(policy.CheckUrl("http://hooks.example.org/h"));
    }

    [Fact]
    public void The_deny_list_refuses_its_networks()
    {
        var policy = Policy(o => o.DenyList = ["10.0.0.0/8"]);
        Assert.NotNull(policy.Refusal(IPAddress.Parse("10.1.1.1"), "10.1.1.1"));
        Assert.Null(policy.Refusal(IPAddress.Parse("11.1.1.1"), "11.1.1.1"));
    }

    [Theory]
    [InlineData("ftp://127.0.0.1/x", "absolute http or https")]
    [InlineData("relative/x", "absolute http or https")]
    [InlineData("http://user:pw@127.0.0.1/x", "user info")]
    [InlineData("http://metadata.google.internal/x", "metadata host")]
    [InlineData("http://169.254.169.254/x", "link-local")]
    public void Malformed_and_metadata_urls_are_refused_with_a_reason(string url, string reason)
    {
        Assert.Contains(reason, Policy().CheckUrl(url));
    }

    [Fact]
    public async Task A_host_name_is_checked_by_every_address_it_resolves_to()
    {
        Assert.Null(await Policy().CheckAsync("http://localhost:9/hook", CancellationToken.None));
        Assert.NotNull(await Policy(o => o.DenyList = ["127.0.0.0/8", "::1/128"]).CheckAsync("http://localhost:9/hook", CancellationToken.None));
        Assert.Equal("host does not resolve", await Policy().CheckAsync("http://no-such-host.invalid/h", CancellationToken.None));
    }
}
