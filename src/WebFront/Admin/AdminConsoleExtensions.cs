namespace OpenWxCluster.WebFront;

/// <summary>
/// The admin console at <c>/admin/</c>: plain server-rendered pages with a small script of their own, served by the
/// stand-alone web front and by a co-hosting silo alike. Behind the admin credential (<see cref="AdminAccess"/>).
/// </summary>
public static class AdminConsoleExtensions
{
    /// <summary>Puts every request under <paramref name="prefix"/> (below /admin, where the session cookie goes) behind the console's credential.</summary>
    public static IApplicationBuilder UseAdminGuard(this IApplicationBuilder app, PathString prefix) =>
        app.UseWhen(http => http.Request.Path.StartsWithSegments(prefix, StringComparison.Ordinal), branch => branch.Use(AdminAccess.GuardAsync));

    public static IEndpointRouteBuilder MapAdminConsole(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapGet("/admin/login", AdminLogin.Page);
        endpoints.MapPost("/admin/login", AdminLogin.SubmitAsync);
        // The script and style hold nothing secret; the pages that use them are guarded.
        endpoints.MapGet("/admin/console.js", () => Results.Text(AdminAssets.Script, "text/javascript", System.Text.Encoding.UTF8));
        endpoints.MapGet("/admin/console.css", () => Results.Text(AdminAssets.Style, "text/css", System.Text.Encoding.UTF8));

        var admin = endpoints.MapGroup("/admin");
        admin.AddEndpointFilter(AdminAccess.FilterAsync);
        admin.MapGet("/", AccountListPage.ShowAsync);
        admin.MapGet("/accounts/{platform}/{client}", AccountPage.ShowAsync);
        admin.MapGet("/api/accounts", AdminApi.AccountsAsync)
            .WithTags("admin").WithSummary("Every account with its state, traffic and webhook deliveries").Answers(MojoShapes.AdminAccounts);
        admin.MapGet("/api/accounts/{platform}/{client}/qr", AdminApi.QrAsync)
            .WithTags("admin").WithSummary("The login QR an account waits to have scanned (404: none)").AnswersFile("image/*");
        admin.MapPost("/start/{platform}", AdminActions.StartAsync)
            .WithTags("admin").WithSummary("The console's start form: start_client of the platform (wx, qq), then back to the list")
            .AcceptsMore(MojoParams.ControllerClient).AnswersRedirect();
        admin.MapPost("/accounts/{platform}/{client}/stop", AdminActions.StopAsync)
            .WithTags("admin").WithSummary("Stop an account, then back to the list").AnswersRedirect();
        admin.MapPost("/accounts/{platform}/{client}/relogin", AdminActions.ReloginAsync)
            .WithTags("admin").WithSummary("Log a QQ account in again, then back to the list").AnswersRedirect();
        admin.MapPost("/logout", AdminLogin.Logout);
        endpoints.MapApiDocs();
        return endpoints;
    }
}
