using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.Serialization;
using Orleans.Storage;

namespace OpenWxCluster.Grains.Hosting;

/// <summary>In-memory grain storage that copies state with Orleans' binary serializer.</summary>
public static class MemoryStorageExtensions
{
    /// <summary>
    /// The memory provider serializes every write to keep stored state apart from the grain's; its default is the
    /// Newtonsoft JSON serializer, which cost a quarter of a send's CPU in the embedded default (issue 11). The binary
    /// serializer follows the state types' [Id]s, as PostgreSQL storage does.
    /// </summary>
    public static ISiloBuilder AddBinaryMemoryGrainStorage(this ISiloBuilder silo, string name)
    {
        silo.AddMemoryGrainStorage(name);
        silo.Services.AddOptions<MemoryGrainStorageOptions>(name)
            .Configure<IServiceProvider>((o, sp) => o.GrainStorageSerializer = new OrleansGrainStorageSerializer(sp.GetRequiredService<Serializer>()));
        return silo;
    }

    /// <summary>
    /// <see cref="LocalGrainStorage"/> as <paramref name="name"/>: for one silo alone (the embedded default); silos
    /// of a cluster need a storage they share.
    /// </summary>
    public static ISiloBuilder AddLocalGrainStorage(this ISiloBuilder silo, string name)
    {
        silo.Services.AddKeyedSingleton<IGrainStorage>(
            name, (sp, _) => new LocalGrainStorage(new OrleansGrainStorageSerializer(sp.GetRequiredService<Serializer>())));
        return silo;
    }
}
