using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace OpenWxCluster.Media;

/// <summary>Registers <see cref="IMediaStore"/> once per container, chosen from <see cref="MediaStoreOptions"/>.</summary>
public static class MediaStoreServiceExtensions
{
    public static IServiceCollection AddOpenWxMediaStore(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (services.Any(d => d.ServiceType == typeof(IMediaStore)))
        {
            return services;
        }
        services.AddOptions<MediaStoreOptions>().BindConfiguration(MediaStoreOptions.SectionName);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<IMediaStore>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<MediaStoreOptions>>().Value;
            var time = sp.GetRequiredService<TimeProvider>();
            return string.IsNullOrWhiteSpace(options.ConnectionString)
                ? new FileMediaStore(options, time)
                : new PostgresMediaStore(options, time);
        });
        return services;
    }
}
