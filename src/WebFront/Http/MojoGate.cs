using System.Text;
using Microsoft.Extensions.Options;

namespace OpenWxCluster.WebFront;

/// <summary>
/// Runs before a Mojo route binds its parameters (it wraps the endpoint's request delegate): CORS, the query's
/// length and encoding, the request rate, the body size, then the bounded body, the credential, and a broken body.
/// A wrong credential in the query or a header is refused before the body is read; one in the body needs the
/// (bounded) body read first.
/// </summary>
internal static class MojoGate
{
    /// <param name="controllerRoute">Mojo's controller answers an auth failure with HTTP 403 text, Openwx with code -6.</param>
    public static RouteGroupBuilder WithMojoGuards(this RouteGroupBuilder group, bool controllerRoute)
    {
        group.AddEndpointFilter(new MojoGuardFilter());
        ((IEndpointConventionBuilder)group).Finally(endpoint =>
        {
            var inner = endpoint.RequestDelegate ?? throw new InvalidOperationException("a Mojo route without a request delegate");
            var name = endpoint.Metadata.OfType<IEndpointNameMetadata>().LastOrDefault()?.EndpointName;
            var route = new Route(name, controllerRoute, ApiCredentials.IsAdminRoute(name), name?.EndsWith(".check_event", StringComparison.Ordinal) == true);
            endpoint.RequestDelegate = http => RunAsync(http, inner, route);
        });
        return group;
    }

    private sealed record Route(string? Name, bool Controller, bool Admin, bool Unmetered);

    private static async Task RunAsync(HttpContext http, RequestDelegate inner, Route route)
    {
        var options = http.RequestServices.GetRequiredService<IOptions<OpenWxApiOptions>>().Value;
        MojoCors.Apply(http);
        if (await RefusalAsync(http, options, route) is { } refusal)
        {
            await refusal.ExecuteAsync(http);
            return;
        }
        await inner(http);
    }

    private static async Task<IResult?> RefusalAsync(HttpContext http, OpenWxApiOptions options, Route route)
    {
        if (RequestLimits.QueryRefusal(http, options) is { } queryRefusal)
        {
            return queryRefusal;
        }
        var secured = ApiCredentials.AnyConfigured(options);
        var presented = secured ? ApiCredentials.Given(http, null) : null;
        var early = presented is null ? null : ApiCredentials.Match(presented, options);
        var partition = early ?? "address:" + http.Connection.RemoteIpAddress;
        if (!route.Unmetered && RequestLimits.RateRefusal(http, partition) is { } rateRefusal)
        {
            return rateRefusal;
        }
        var limit = RequestLimits.BodyLimit(options, route.Name);
        if (RequestLimits.BodyRefusal(http, limit) is { } bodyRefusal)
        {
            return bodyRefusal;
        }
        if (secured && (presented is null ? !MayCarryParameters(http.Request) : early is null || (route.Admin && early != "admin")))
        {
            // No token and no body that could hold one, or a token that cannot open this route: refused unread.
            return AuthFailure(route, presented is null);
        }

        var parameters = await MojoParameters.BindAsync(http, limit);
        if (parameters.BodyStatus == StatusCodes.Status413PayloadTooLarge)
        {
            return RequestLimits.TooLarge(limit);
        }
        if (secured)
        {
            var given = ApiCredentials.Given(http, parameters);
            var match = given is null ? null : ApiCredentials.Match(given, options);
            if (!ApiCredentials.Grants(match, route.Admin, parameters["client"] ?? options.DefaultClient))
            {
                return AuthFailure(route, given is null);
            }
        }
        return parameters.BodyError is { } bodyError ? MojoReply.Error(-1, bodyError, parameters.BodyStatus) : null;
    }

    /// <summary>A form or JSON body (the only bodies whose parameters are read), announced or chunked.</summary>
    private static bool MayCarryParameters(HttpRequest request) =>
        (request.ContentLength > 0 || request.Headers.TransferEncoding.Count > 0)
        && (request.HasFormContentType || MojoParameters.IsJson(request.ContentType));

    /// <summary>401 without a credential, 403 with a wrong one: monitoring sees it; Mojo's bodies are kept.</summary>
    private static IResult AuthFailure(Route route, bool missing)
    {
        var status = missing ? StatusCodes.Status401Unauthorized : StatusCodes.Status403Forbidden;
        return route.Controller
            ? Results.Text("auth failure", "text/plain", Encoding.UTF8, status)
            : MojoReply.Error(-6, "auth failure", status);
    }
}
