using System.Net;

namespace OpenWxCluster.Cluster.Tests.Console;

/// <summary>With no credential configured (the embedded default), the console serves loopback clients under a loopback host name only.</summary>
[Collection(ClusterCollection.Name)]
public sealed class LoopbackConsoleTests(ClusterFixture fixture)
{
    [Fact]
    public async Task Without_a_credential_the_console_answers_loopback_but_not_a_foreign_host_name()
    {
        using var local = await fixture.Http.GetAsync("admin/api/accounts");
        Assert.Equal(HttpStatusCode.OK, local.StatusCode);
        Assert.Contains("\"accounts\":", await local.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // A page of another site that rebinds its name to 127.0.0.1 sends its own name as Host.
        using var rebound = new HttpRequestMessage(HttpMethod.Get, "admin/api/accounts");
        rebound.Headers.Host = "evil.example";
        using var refused = await fixture.Http.SendAsync(rebound);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }
}
