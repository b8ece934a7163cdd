using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace OpenWxCluster.Grains.UnitTests;

/// <summary>Serialises a value to bytes and back with the Orleans serializer and the grains' generated codecs.</summary>
internal static class OrleansRoundTrip
{
    private static readonly Serializer Serializer = new ServiceCollection()
        .AddSerializer(builder => builder.AddAssembly(typeof(LoginSnapshot).Assembly))
        .BuildServiceProvider()
        .GetRequiredService<Serializer>();

    public static T Copy<T>(T value)
        where T : class
    {
        var bytes = Serializer.SerializeToArray(value);
        Assert.NotEmpty(bytes);
        var copy = Serializer.Deserialize<T>(bytes);
        Assert.NotNull(copy);
        return copy;
    }
}
