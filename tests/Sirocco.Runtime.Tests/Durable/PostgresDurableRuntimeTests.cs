using Sirocco.Persistence;
using Sirocco.Persistence.Postgres;
using Sirocco.Persistence.Tests.Infrastructure;
using Sirocco.Runtime.Tests.Infrastructure;

namespace Sirocco.Runtime.Tests.Durable;

/// <summary>The durable runtime on a fresh database per test in the shared throwaway cluster.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresDurableRuntimeTests : DurableRuntimeTests
{
    private readonly PostgresCluster _cluster;

    public PostgresDurableRuntimeTests(PostgresCluster cluster, Xunit.Abstractions.ITestOutputHelper output)
    {
        _cluster = cluster;
        Output = output;
    }

    private string? _connectionString;

    internal override async Task<ISiroccoStore> OpenStoreAsync()
    {
        _connectionString ??= await _cluster.CreateDatabaseAsync();
        return await PostgresStore.OpenAsync(new PostgresStoreOptions { ConnectionString = _connectionString, Store = StoreOptions }, default);
    }
}
