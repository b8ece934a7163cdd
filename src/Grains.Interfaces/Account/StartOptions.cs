namespace OpenWxCluster.Grains;

/// <summary>start_client parameters kept with the account (echoed back like Mojo's controller does).</summary>
[GenerateSerializer, Immutable, Alias("openwx.StartOptions")]
public sealed record StartOptions([property: Id(0)] IReadOnlyDictionary<string, string> Parameters)
{
    public static StartOptions None { get; } = new(new Dictionary<string, string>());
}
