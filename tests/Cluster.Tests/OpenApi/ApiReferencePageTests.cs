using System.Net;
using PuppeteerSharp;
using OpenWxCluster.Cluster.Tests.Console;
using OpenWxCluster.WebFront;

namespace OpenWxCluster.Cluster.Tests.OpenApi;

/// <summary>
/// The rendered reference (Scalar) in a real headless Chromium, behind the admin console's credential: refused
/// without the session, shown with it, every request it makes going to this server (no CDN, no fonts, no telemetry).
/// </summary>
public sealed class ApiReferencePageTests(ConsoleFixture fixture) : IClassFixture<ConsoleFixture>
{
    private const int WaitMs = 30_000;

    [Fact]
    public async Task Without_the_admin_session_neither_the_document_nor_the_page_is_served()
    {
        using var anonymous = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = fixture.BaseUri };
        foreach (var path in new[] { ApiDocs.DocumentPath, ApiDocs.PagePath })
        {
            using var response = await anonymous.GetAsync(path.TrimStart('/'));
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("/admin/login", response.Headers.Location!.ToString());
            Assert.DoesNotContain("openapi", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task An_admin_sees_the_operations_rendered_from_local_scripts_only()
    {
        await using var page = await fixture.Browser.NewPageAsync();
        var requested = new System.Collections.Concurrent.ConcurrentQueue<string>();
        page.Request += (_, e) => requested.Enqueue(e.Request.Url);
        var console = new System.Collections.Concurrent.ConcurrentQueue<string>();
        page.Console += (_, e) => console.Enqueue(e.Message.Text);

        await page.GoToAsync(new Uri(fixture.BaseUri, "admin/login").ToString());
        await page.TypeAsync("#token", ConsoleFixture.AdminToken);
        var navigated = page.WaitForNavigationAsync(new NavigationOptions { Timeout = WaitMs });
        await page.ClickAsync("#login button");
        await navigated;

        await page.GoToAsync(new Uri(fixture.BaseUri, ApiDocs.PagePath.TrimStart('/')).ToString());
        // The first API's operation names (summaries) are rendered at once; the other APIs (tags) are groups that
        // render their operations when opened.
        await WaitForTextAsync(page, requested, console, "OpenWxCluster HTTP API", "The logged-in user", "Send text or media to a friend",
            "Open Group - openqq", "Open Group - controller", "Open Group - admin");
        foreach (var (group, operation) in new[] { ("openqq", "The logged-in QQ user"), ("controller", "Start a QQ account"), ("admin", "Every account with its state") })
        {
            await page.EvaluateFunctionAsync(
                "g => [...document.querySelectorAll('button')].find(b => b.textContent.includes('Open Group - ' + g)).click()", group);
            await WaitForTextAsync(page, requested, console, operation);
        }

        Assert.Contains(requested, u => u.EndsWith(ApiDocs.DocumentPath, StringComparison.Ordinal));
        Assert.Contains(requested, u => u.EndsWith(".js", StringComparison.Ordinal));
        var origin = fixture.BaseUri.GetLeftPart(UriPartial.Authority);
        Assert.All(requested.Where(u => !u.StartsWith("data:", StringComparison.Ordinal)), u => Assert.StartsWith(origin, u, StringComparison.Ordinal));
    }

    private static async Task WaitForTextAsync(
        IPage page, IEnumerable<string> requested, IEnumerable<string> console, params string[] texts)
    {
        try
        {
            await page.WaitForFunctionAsync(
                "texts => texts.every(t => document.body.textContent.includes(t))",
                new WaitForFunctionOptions { Timeout = WaitMs, PollingInterval = 100 },
                [texts]);
        }
        catch (WaitTaskTimeoutException)
        {
            var text = await page.EvaluateExpressionAsync<string>("document.body.textContent");
            throw new InvalidOperationException(
                $"not rendered: {string.Join(", ", texts)}; requests: {string.Join(", ", requested)}; console: {string.Join("\n", console)}; "
                + $"page text: {text[..Math.Min(3000, text.Length)]}");
        }
    }
}
