using System.Net;

namespace OpenWxCluster.Process.Tests;

/// <summary>
/// The shipped silo (co-hosting the web front) serves the API description and its reference page behind the admin
/// console's credential: redirected to the login without the session, served with it.
/// </summary>
public sealed class ApiDocsProcessTests : IDisposable
{
    private const string AdminToken = "docs-adm1n-t0ken";
    private readonly string _logs = Path.Combine(Path.GetTempPath(), "openwx-apidocs-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly HostProcess _silo;

    public ApiDocsProcessTests()
    {
        Directory.CreateDirectory(_logs);
        _silo = HostProcess.StartDemo("apidocs", _logs, null, "--App:Api:AdminToken=" + AdminToken);
    }

    public void Dispose() => _silo.Dispose();

    [Fact]
    public async Task The_silo_serves_the_document_and_page_to_an_admin_only()
    {
        await _silo.WaitUntilListeningAsync(TimeSpan.FromSeconds(90));
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = _silo.Http.BaseAddress };
        using (var anonymous = await http.GetAsync("admin/openapi/v1.json"))
        {
            Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
            Assert.Equal("/admin/login", anonymous.Headers.Location?.OriginalString);
        }

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
}
