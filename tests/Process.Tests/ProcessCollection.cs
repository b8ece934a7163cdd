namespace OpenWxCluster.Process.Tests;

[CollectionDefinition(Name)]
public sealed class ProcessCollection : ICollectionFixture<ProcessClusterFixture>
{
    public const string Name = "process cluster";
}
