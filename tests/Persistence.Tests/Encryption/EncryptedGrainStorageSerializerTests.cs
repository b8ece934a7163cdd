using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.Storage;
using OpenWxCluster.Persistence.Encryption;

namespace OpenWxCluster.Persistence.Tests.Encryption;

/// <summary>The storage serializer seals what the binary serializer writes and still reads rows written in clear.</summary>
public sealed class EncryptedGrainStorageSerializerTests
{
    private static readonly OrleansGrainStorageSerializer Binary =
        new(new ServiceCollection().AddSerializer().BuildServiceProvider().GetRequiredService<Serializer>());

    [Fact]
    public void State_round_trips_sealed()
    {
        var serializer = new EncryptedGrainStorageSerializer(Binary, StateKeyRing.FromKeys(StateKeyRing.NewKey()));

        var stored = serializer.Serialize("cookie=wxsid-secret");

        Assert.True(StateEnvelope.IsSealed(stored.ToMemory().Span));
        Assert.Equal(-1, stored.ToMemory().Span.IndexOf("wxsid-secret"u8));
        Assert.Equal("cookie=wxsid-secret", serializer.Deserialize<string>(stored));
    }

    [Fact]
    public void A_row_written_in_clear_is_read()
    {
        var serializer = new EncryptedGrainStorageSerializer(Binary, StateKeyRing.FromKeys(StateKeyRing.NewKey()));

        Assert.Equal("written before encryption", serializer.Deserialize<string>(Binary.Serialize("written before encryption")));
    }
}
