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
        admin.MapGet("/api/accounts", AdminApi.AccountsAsync);
        admin.MapGet("/api/accounts/{platform}/{client}/qr", AdminApi.QrAsync);
        admin.MapPost("/start/{platform}", AdminActions.StartAsync);
        admin.MapPost("/accounts/{platform}/{client}/stop", AdminActions.StopAsync);
        admin.MapPost("/accounts/{platform}/{client}/relogin", AdminActions.ReloginAsync);
        admin.MapPost("/logout", AdminLogin.Logout);
        return endpoints;
    }
}
