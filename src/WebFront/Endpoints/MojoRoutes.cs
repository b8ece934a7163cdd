namespace OpenWxCluster.WebFront;

/// <summary>How every API route is registered: GET, POST (query, form or JSON body) and HEAD, as Mojo's routes.</summary>
internal static class MojoRoutes
{
    public static readonly string[] Methods = [HttpMethods.Get, HttpMethods.Post, HttpMethods.Head];

    /// <summary>Mojo's <c>OPTIONS</c> answer.</summary>
    public const string AllowMethods = "OPTIONS, HEAD, GET, POST";

    public static RouteHandlerBuilder MapMojo(this IEndpointRouteBuilder endpoints, string name, Delegate handler) =>
        endpoints.MapMethods("/" + name, Methods, handler).WithName("openwx." + name);
}
