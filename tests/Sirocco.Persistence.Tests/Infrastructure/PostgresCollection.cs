namespace Sirocco.Persistence.Tests.Infrastructure;

/// <summary>All PostgreSQL tests share one throwaway cluster per run.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresCluster>
{
    public const string Name = "postgres";
}
