using System.Net;

namespace OpenWxCluster.Process.Tests;

/// <summary>
/// The shipped silo serves the Orleans Dashboard at /admin/dashboard, behind the admin console's credential: its
/// page and its data API redirect or refuse without the session cookie and answer with it. The same for the API
/// description (/admin/openapi/).
/// </summary>
public sealed class DashboardTests : IDisposable
{
    private const string AdminToken = "dash-adm1n-t0ken";
    private readonly string _logs = Path.Combine(Path.GetTempPath(), "openwx-dashboard-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly HostProcess _silo;

    public DashboardTests()
    {
        Directory.CreateDirectory(_logs);
        _silo = HostProcess.StartDemo("dashboard", _logs, null, "--App:Api:AdminToken=" + AdminToken);
    }

    public void Dispose() => _silo.Dispose();

    [Fact]
    public async Task The_dashboard_needs_the_admin_session()
    {
        using var http = await AnonymousAsync("admin/dashboard/");
        using (var forged = new HttpRequestMessage(HttpMethod.Get, "admin/dashboard/"))
        {
            forged.Headers.Add("Cookie", "openwx_admin=1999999999.AAAA");
            Assert.Equal(HttpStatusCode.Redirect, (await http.SendAsync(forged)).StatusCode);
        }

        var cookie = await HostProcess.AdminCookieAsync(http, AdminToken);

        using var page = new HttpRequestMessage(HttpMethod.Get, "admin/dashboard/");
        page.Headers.Add("Cookie", cookie);
        using var answered = await http.SendAsync(page);
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        Assert.Contains("Orleans", await answered.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_api_description_and_its_page_need_the_admin_session_too()
    {
        using var http = await AnonymousAsync("admin/openapi/v1.json");
        var cookie = await HostProcess.AdminCookieAsync(http, AdminToken);

        foreach (var (path, expected) in new[] { ("admin/openapi/v1.json", "\"/openqq/start_client\""), ("admin/openapi/", "scalar") })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.Add("Cookie", cookie);
            using var answered = await http.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
            Assert.Contains(expected, await answered.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        }
    }

    /// <summary>Once the silo listens: a client without cookies or redirects, sent to the login from <paramref name="path"/>.</summary>
    private async Task<HttpClient> AnonymousAsync(string path)
    {
        await _silo.WaitUntilListeningAsync(TimeSpan.FromSeconds(90));
        var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = _silo.Http.BaseAddress };
        using var anonymous = await http.GetAsync(path);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Equal("/admin/login", anonymous.Headers.Location?.OriginalString);
        return http;
    }
}
