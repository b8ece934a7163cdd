using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OpenWxCluster.Media;

namespace OpenWxCluster.WebFront;

/// <summary>
/// The Mojo-Weixin HTTP API for both hosting shapes: the stand-alone web front (an Orleans client) and a silo that
/// co-hosts it. Handlers take <see cref="IGrainFactory"/> from DI, which either shape provides.
/// </summary>
public static class OpenWxApiExtensions
{
    /// <summary>Registers the API's options and services. Safe to call more than once.</summary>
    /// <param name="configuration">The app configuration; options are read from <see cref="OpenWxApiOptions.SectionName"/>.</param>
    public static IServiceCollection AddOpenWxApi(this IServiceCollection services, IConfiguration? configuration = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (services.Any(d => d.ServiceType == typeof(IValidateOptions<OpenWxApiOptions>)
                              && d.ImplementationType == typeof(OpenWxApiOptionsValidator)))
        {
            return services;
        }
        var options = services.AddOptions<OpenWxApiOptions>();
        if (configuration is not null)
        {
            options.Bind(configuration.GetSection(OpenWxApiOptions.SectionName));
            services.AddOptions<MediaFolderOptions>().Bind(configuration.GetSection(MediaFolderOptions.SectionName));
        }
        // media_data as base64 in a urlencoded form: 20 MB make about 28 million characters (the default is 4 MB).
        services.Configure<Microsoft.AspNetCore.Http.Features.FormOptions>(o => o.ValueLengthLimit = (MediaLimits.MaxBytes + 2) / 3 * 4 + 1024);
        services.TryAddSingleton<ApiRateLimiter>();
        services.TryAddSingleton<AdminLoginLimiter>();
        // The query limit answers with Mojo JSON only if Kestrel's own request-line limit (8 KiB) is not hit first.
        services.AddOptions<KestrelServerOptions>().Configure<IOptions<OpenWxApiOptions>>((kestrel, api) =>
            kestrel.Limits.MaxRequestLineSize = Math.Max(kestrel.Limits.MaxRequestLineSize, api.Value.MaxQueryLength + 4_096));
        options.ValidateOnStart();
        services.AddSingleton<IValidateOptions<OpenWxApiOptions>, OpenWxApiOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        // A co-hosting silo's post_api delivery renders Mojo JSON with it.
        services.TryAddSingleton<IWebhookFormat, MojoWebhookFormat>();
        // get_media and media_data read it; a co-hosting silo's grains write it (one registration serves both).
        services.AddOpenWxMediaStore();
        services.AddApiDocs();
        // A co-hosting silo's poll_api makes redirected calls through it.
        services.TryAddSingleton<IApiLoopback>(sp => new ApiLoopback(
            sp.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>(), sp.GetRequiredService<IOptions<OpenWxApiOptions>>()));
        return services;
    }

    /// <summary>
    /// Maps every <c>/openwx/*</c> route: the controller family, the single-account families, and Mojo's 403
    /// <c>api not found</c> / <c>OPTIONS</c> answers for the rest of <c>/openwx/</c>. Returns the <c>/openwx</c> group.
    /// </summary>
    public static IEndpointRouteBuilder MapOpenWx(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var root = endpoints.MapGroup("/openwx");

        root.MapGroup("").WithMojoGuards(controllerRoute: true).WithTags("controller").MapControllerEndpoints();

        var single = root.MapGroup("").WithMojoGuards(controllerRoute: false).WithTags("openwx");
        single.MapInfoEndpoints();
        single.MapSearchEndpoints();
        single.MapFriendAdminEndpoints();
        single.MapGroupAdminEndpoints();
        single.MapRevokeEndpoints();
        single.MapConsultEndpoints();
        single.MapAvatarEndpoints();
        single.MapMessageEndpoints();
        single.MapMediaSendEndpoints();
        single.MapEventEndpoints();
        single.MapWebhookEndpoints();
        single.MapMediaEndpoints();

        root.MapFallbackEndpoints();
        return root;
    }
}
