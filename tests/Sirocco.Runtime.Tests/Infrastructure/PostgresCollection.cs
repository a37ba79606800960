using Sirocco.Persistence.Tests.Infrastructure;

namespace Sirocco.Runtime.Tests.Infrastructure;

/// <summary>All PostgreSQL runtime tests share one throwaway cluster per run.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresCluster>
{
    public const string Name = "postgres";
}
