namespace OpenWxCluster.Persistence.Tests.Infrastructure;

/// <summary>Every test class joins this collection so the assembly starts exactly one PostgreSQL server.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresFixture>
{
    public const string Name = "postgres";
}
