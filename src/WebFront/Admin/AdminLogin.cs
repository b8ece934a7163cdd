using Microsoft.Extensions.Options;

namespace OpenWxCluster.WebFront;

/// <summary>The console's login and logout: the admin token in, an HttpOnly SameSite=Strict session cookie out.</summary>
internal static class AdminLogin
{
    /// <summary>A login form is a token and little else; a larger body is refused unread.</summary>
    private const long MaxFormBytes = 8 * 1024;

    public static IResult Page(HttpContext http, IOptions<OpenWxApiOptions> options)
    {
        AdminHtml.SecureHeaders(http.Response);
        return AdminSession.AdminToken(options.Value) is null
            ? Results.Redirect("/admin/")
            : AdminHtml.Page("Admin console: log in", LoginForm(null));
    }

    public static async Task<IResult> SubmitAsync(
        HttpContext http, IOptions<OpenWxApiOptions> options, TimeProvider time, AdminLoginLimiter limiter)
    {
        AdminHtml.SecureHeaders(http.Response);
        // A login forged by another site would sign the operator in to the attacker's session; refused like any POST.
        if (!AdminAccess.SameOrigin(http.Request))
        {
            return Results.Text("cross-origin request refused", "text/plain", null, StatusCodes.Status403Forbidden);
        }
        if (AdminSession.AdminToken(options.Value) is not { } token)
        {
            return Results.Redirect("/admin/");
        }
        // Guessing is slowed per address before the form is read; the right token is refused too while locked out,
        // or the lockout would tell a guesser when it had found it.
        var address = http.Connection.RemoteIpAddress?.ToString() ?? "";
        if (limiter.IsLockedOut(address))
        {
            http.Response.Headers.RetryAfter = limiter.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return AdminHtml.Page("Admin console: log in", LoginForm("too many wrong logins from this address; try again later"), StatusCodes.Status429TooManyRequests);
        }
        if (!http.Request.HasFormContentType || http.Request.ContentLength is null or > MaxFormBytes)
        {
            limiter.Failed(address);
            return AdminHtml.Page("Admin console: log in", LoginForm("the login form was not understood"), StatusCodes.Status400BadRequest);
        }
        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        if (!AdminSession.IsAdmin(form["token"].ToString(), options.Value))
        {
            limiter.Failed(address);
            return AdminHtml.Page("Admin console: log in", LoginForm("wrong token"), StatusCodes.Status403Forbidden);
        }
        AdminSession.SetCookie(http, AdminSession.Issue(token, time.GetUtcNow()), AdminSession.Lifetime);
        return Results.Redirect("/admin/", permanent: false, preserveMethod: false);
    }

    public static IResult Logout(HttpContext http)
    {
        AdminSession.SetCookie(http, "", TimeSpan.Zero);
        return Results.Redirect("/admin/login");
    }

    private static string LoginForm(string? error) =>
        (error is null ? "" : $"<p class=\"error\" id=\"login-error\">{AdminHtml.H(error)}</p>")
        + """
          <form method="post" action="/admin/login" id="login">
            <label>Admin token <input type="password" name="token" id="token" autocomplete="current-password" required></label>
            <button type="submit">Log in</button>
          </form>
          """;
}
