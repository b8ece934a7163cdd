using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace OpenWxCluster.WebFront;

/// <summary>
/// The OpenAPI description of the whole HTTP API, generated from the mapped endpoints and their
/// <see cref="MojoAccepts"/>/<see cref="MojoAnswers"/> metadata, and a rendered reference page (Scalar, its script
/// served from here). Both sit below /admin, behind the admin console's credential: the session cookie's path is
/// /admin, and the docs are an operations surface.
/// </summary>
public static class ApiDocs
{
    public const string DocumentPath = "/admin/openapi/v1.json";
    public const string PagePath = "/admin/openapi/";

    /// <summary>The endpoint-name prefixes of the Mojo APIs.</summary>
    public static readonly IReadOnlySet<string> Apis = new HashSet<string>(StringComparer.Ordinal) { "openwx", OpenQqApiExtensions.Api };

    public static IServiceCollection AddApiDocs(this IServiceCollection services) =>
        services.AddOpenApi("v1", options =>
        {
            options.OpenApiVersion = OpenApiSpecVersion.OpenApi3_1;
            // Only the documented routes: the console's pages, the fallback and the OneBot intake (upstream pushes,
            // not an API for clients) stay out.
            options.ShouldInclude = d => d.ActionDescriptor.EndpointMetadata.OfType<MojoAnswers>().Any();
            // MapMethods names GET, POST and HEAD alike; the operation transformer makes the ids unique.
            options.AddOperationTransformer<MojoOperationTransformer>();
            options.AddDocumentTransformer<MojoDocumentTransformer>();
        });

    public static IEndpointRouteBuilder MapApiDocs(this IEndpointRouteBuilder endpoints)
    {
        var docs = endpoints.MapGroup("/admin/openapi");
        docs.AddEndpointFilter(AdminAccess.FilterAsync);
        docs.AddEndpointFilter((context, next) =>
        {
            // The console's policy, loosened for what Scalar's page needs: its inline start-up script and the styles
            // it injects. Still nothing from another origin.
            context.HttpContext.Response.Headers.ContentSecurityPolicy =
                "default-src 'none'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
                + "font-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
            return next(context);
        });
        docs.MapOpenApi("/{documentName}.json");
        docs.MapScalarApiReference("/", options => options
            .WithTitle("OpenWxCluster HTTP API")
            .WithOpenApiRoutePattern(DocumentPath.Replace("v1", "{documentName}", StringComparison.Ordinal))
            // Nothing beyond loopback is reachable: no web fonts, no telemetry; the script comes from this server.
            .DisableDefaultFonts()
            .DisableTelemetry());
        return endpoints;
    }

    /// <summary>Any one credential opens a route; with none configured the API is open (an empty requirement).</summary>
    internal static List<OpenApiSecurityRequirement> TokenSecurity(OpenApiDocument document) =>
    [
        new() { [new OpenApiSecuritySchemeReference(MojoDocumentTransformer.TokenQuery, document)] = [] },
        new() { [new OpenApiSecuritySchemeReference(MojoDocumentTransformer.TokenHeader, document)] = [] },
        new() { [new OpenApiSecuritySchemeReference(MojoDocumentTransformer.Bearer, document)] = [] },
        new(),
    ];

    /// <summary>The console's session cookie (none needed from loopback while no admin token is configured).</summary>
    internal static List<OpenApiSecurityRequirement> AdminSecurity(OpenApiDocument document) =>
        [new() { [new OpenApiSecuritySchemeReference(MojoDocumentTransformer.AdminCookie, document)] = [] }];
}
