using Orleans.Storage;

namespace OpenWxCluster.Persistence.Encryption;

/// <summary>
/// Seals the bytes of another grain storage serializer in a <see cref="StateEnvelope"/>, so every stored state (session
/// cookies, skey, pass_ticket, OneBot tokens, webhook secrets) is encrypted whole, without per-field bookkeeping.
/// Orleans gives a serializer no grain identity, so envelopes are plain AEAD, not bound to their row. A row without
/// the envelope's magic was written in clear before encryption: it is read as is and sealed at its next write.
/// </summary>
public sealed class EncryptedGrainStorageSerializer(IGrainStorageSerializer inner, StateKeyRing keys) : IGrainStorageSerializer
{
    public BinaryData Serialize<T>(T? input) => new(StateEnvelope.Seal(keys, inner.Serialize(input).ToMemory().Span));

    public T? Deserialize<T>(BinaryData input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var bytes = input.ToMemory().Span;
        return StateEnvelope.IsSealed(bytes)
            ? inner.Deserialize<T>(new BinaryData(StateEnvelope.Open(keys, bytes)))
            : inner.Deserialize<T>(input);
    }
}
