namespace OpenWxCluster.WebFront;

/// <summary>
/// The Mojo-Webqq HTTP API (<c>/openqq/*</c>) for QQ accounts (keys <c>qq/&lt;client&gt;</c>) behind OneBot v11
/// implementations, and the OneBot event intake (<c>/onebot/{client}</c>). Same guards, parameters and fallback as
/// <see cref="OpenWxApiExtensions.MapOpenWx"/>; register the services with <see cref="OpenWxApiExtensions.AddOpenWxApi"/>.
/// </summary>
public static class OpenQqApiExtensions
{
    /// <summary>The route prefix and endpoint name prefix.</summary>
    public const string Api = "openqq";

    /// <summary>
    /// Maps every <c>/openqq/*</c> route and the OneBot intake. The reverse WebSocket needs the WebSockets middleware
    /// (<c>app.UseWebSockets()</c>) earlier in the pipeline. Returns the <c>/openqq</c> group.
    /// </summary>
    public static IEndpointRouteBuilder MapOpenQq(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var root = endpoints.MapGroup("/" + Api);

        root.MapGroup("").WithMojoGuards(controllerRoute: true).WithTags("controller").MapQqControllerEndpoints();

        var single = root.MapGroup("").WithMojoGuards(controllerRoute: false).WithTags(Api);
        single.MapQqInfoEndpoints();
        single.MapQqMessageEndpoints();
        single.MapQqAdminEndpoints();
        single.MapQqEventEndpoints();

        root.MapFallbackEndpoints();

        // Not behind the API token: the grain checks the OneBot access token and signature, where they are kept.
        endpoints.MapOneBotIntake();
        return root;
    }
}
