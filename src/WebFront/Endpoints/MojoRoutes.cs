namespace OpenWxCluster.WebFront;

/// <summary>How every API route is registered: GET, POST (query, form or JSON body) and HEAD, as Mojo's routes.</summary>
internal static class MojoRoutes
{
    public static readonly string[] Methods = [HttpMethods.Get, HttpMethods.Post, HttpMethods.Head];

    /// <summary>Mojo's <c>OPTIONS</c> answer.</summary>
    public const string AllowMethods = "OPTIONS, HEAD, GET, POST";

    /// <param name="api">The API the route belongs to (openwx, openqq): endpoint names must be unique across both.</param>
    public static RouteHandlerBuilder MapMojo(this IEndpointRouteBuilder endpoints, string name, Delegate handler, string api = "openwx") =>
        endpoints.MapMethods("/" + name, Methods, handler).WithName(api + "." + name);
}
