using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace OpenWxCluster.WebFront;

/// <summary>The document's info, tags and credentials; HEAD operations folded into GET (same answer, no body).</summary>
internal sealed class MojoDocumentTransformer : IOpenApiDocumentTransformer
{
    public const string TokenQuery = "token", TokenHeader = "tokenHeader", Bearer = "bearer", AdminCookie = "adminSession";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = "OpenWxCluster HTTP API",
            Version = "v1",
            Description = "Mojo-Weixin (/openwx) and Mojo-Webqq (/openqq) compatible routes, their Controller routes and the admin "
                          + "console's JSON. Every Mojo route answers GET, POST (query, urlencoded or multipart form, flat JSON body) "
                          + "and HEAD (the GET answer without a body).",
        };
        document.Tags = new HashSet<OpenApiTag>
        {
            new() { Name = "openwx", Description = "Mojo-Weixin single-account routes (WeChat accounts)" },
            new() { Name = "openqq", Description = "Mojo-Webqq single-account routes (QQ accounts behind OneBot v11)" },
            new() { Name = "controller", Description = "Mojo's Controller routes: start, stop and list accounts (admin credential)" },
            new() { Name = "admin", Description = "The admin console's JSON and actions (admin session cookie)" },
        };
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes = new Dictionary<string, IOpenApiSecurityScheme>(StringComparer.Ordinal)
        {
            [TokenQuery] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Query, Name = "token",
                Description = "App:Api:ApiToken, App:Api:AdminToken or a per-account token; also accepted as a body parameter",
            },
            [TokenHeader] = new OpenApiSecurityScheme { Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Header, Name = ApiCredentials.TokenHeader },
            [Bearer] = new OpenApiSecurityScheme { Type = SecuritySchemeType.Http, Scheme = "bearer" },
            [AdminCookie] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Cookie, Name = AdminSession.CookieName,
                Description = "the console's session (POST /admin/login); without App:Api:AdminToken loopback clients need none",
            },
        };
        foreach (var path in document.Paths.Values.OfType<OpenApiPathItem>())
        {
            path.Operations?.Remove(HttpMethod.Head);
        }
        return Task.CompletedTask;
    }
}
