using System.Security.Cryptography;
using System.Text;
using OpenWxCluster.Persistence.Encryption;

namespace OpenWxCluster.Persistence.Tests.Encryption;

/// <summary>The AES-256-GCM envelope of grain state: round trip, tampering, key rotation, unknown keys, bad key material.</summary>
public sealed class StateEnvelopeTests
{
    private static readonly byte[] Secret = Encoding.UTF8.GetBytes("skey=@crypt_0badf00d pass_ticket=Zm9vYmFy");

    [Fact]
    public void Sealed_state_opens_with_its_key_and_holds_no_plaintext()
    {
        var ring = StateKeyRing.FromKeys(StateKeyRing.NewKey());

        var sealedBytes = StateEnvelope.Seal(ring, Secret);

        Assert.True(StateEnvelope.IsSealed(sealedBytes));
        Assert.Equal(ring.WriterKeyId, StateEnvelope.KeyIdOf(sealedBytes));
        Assert.Equal(-1, sealedBytes.AsSpan().IndexOf("crypt_0badf00d"u8));
        Assert.Equal(Secret, StateEnvelope.Open(ring, sealedBytes));
    }

    [Fact]
    public void Two_seals_of_the_same_state_differ()
    {
        var ring = StateKeyRing.FromKeys(StateKeyRing.NewKey());

        Assert.NotEqual(StateEnvelope.Seal(ring, Secret), StateEnvelope.Seal(ring, Secret));
    }

    [Fact]
    public void Any_changed_byte_is_refused()
    {
        var ring = StateKeyRing.FromKeys(StateKeyRing.NewKey());
        var sealedBytes = StateEnvelope.Seal(ring, Secret);

        // Every byte: version, key id, nonce, tag and ciphertext (a changed magic reads as a clear row, which the
        // binary serializer then refuses; that path is the serializer's).
        for (var i = 4; i < sealedBytes.Length; i++)
        {
            var tampered = sealedBytes.ToArray();
            tampered[i] ^= 0x01;
            Assert.ThrowsAny<CryptographicException>(() => StateEnvelope.Open(ring, tampered));
        }
        Assert.ThrowsAny<CryptographicException>(() => StateEnvelope.Open(ring, sealedBytes[..^1]));
        Assert.ThrowsAny<CryptographicException>(() => StateEnvelope.Open(ring, sealedBytes[..20]));
    }

    [Fact]
    public void After_a_rotation_old_envelopes_open_and_new_ones_use_the_new_key()
    {
        byte[] oldKey = StateKeyRing.NewKey(), newKey = StateKeyRing.NewKey();
        var before = StateEnvelope.Seal(StateKeyRing.FromKeys(oldKey), Secret);
        var rotated = StateKeyRing.FromKeys(newKey, oldKey);

        var after = StateEnvelope.Seal(rotated, Secret);

        Assert.Equal(Secret, StateEnvelope.Open(rotated, before));
        Assert.Equal(Convert.ToHexStringLower(StateKeyRing.IdOf(newKey)), StateEnvelope.KeyIdOf(after));
        Assert.NotEqual(StateEnvelope.KeyIdOf(before), StateEnvelope.KeyIdOf(after));
    }

    [Fact]
    public void An_unknown_key_id_is_named_and_the_key_never_is()
    {
        var key = StateKeyRing.NewKey();
        var sealedBytes = StateEnvelope.Seal(StateKeyRing.FromKeys(key), Secret);
        var other = StateKeyRing.NewKey();

        var refused = Assert.ThrowsAny<CryptographicException>(() => StateEnvelope.Open(StateKeyRing.FromKeys(other), sealedBytes));

        Assert.Contains(Convert.ToHexStringLower(StateKeyRing.IdOf(key)), refused.Message);
        Assert.DoesNotContain(Convert.ToBase64String(key), refused.Message);
        Assert.DoesNotContain(Convert.ToBase64String(other), refused.Message);
    }

    [Theory]
    [InlineData("not base64 at all")]
    [InlineData("AAAA")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public void Bad_key_material_names_its_setting_not_its_value(string material)
    {
        var refused = Assert.Throws<InvalidOperationException>(() => StateKeyRing.FromBase64([("App:StateKey", material)]));

        Assert.StartsWith("App:StateKey ", refused.Message);
        Assert.DoesNotContain(material, refused.Message);
    }

    [Fact]
    public void Base64_keys_keep_their_order_and_duplicates_once()
    {
        byte[] a = StateKeyRing.NewKey(), b = StateKeyRing.NewKey();

        var ring = StateKeyRing.FromBase64([("x", Convert.ToBase64String(a)), ("y", " " + Convert.ToBase64String(b) + " "), ("z", Convert.ToBase64String(a))]);

        Assert.Equal([Convert.ToHexStringLower(StateKeyRing.IdOf(a)), Convert.ToHexStringLower(StateKeyRing.IdOf(b))], ring.KeyIds);
    }
}
