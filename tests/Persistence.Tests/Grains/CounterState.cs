namespace OpenWxCluster.Persistence.Tests.Grains;

/// <summary>Stored with the provider's default Newtonsoft serializer, so plain public properties suffice.</summary>
[GenerateSerializer]
public sealed class CounterState
{
    [Id(0)]
    public int Value { get; set; }

    [Id(1)]
    public string? Note { get; set; }
}
