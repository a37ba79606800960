using Sirocco.Persistence.Postgres;
using Sirocco.Persistence.Tests.Infrastructure;

namespace Sirocco.Persistence.Tests.Contract;

/// <summary>The store contract on a fresh database per test in the shared throwaway cluster.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresStoreContractTests(PostgresCluster cluster) : StoreContractTests
{
    private string _connectionString = "";

    protected override async Task<ISiroccoStore> OpenAsync(StoreOptions options)
    {
        _connectionString = await cluster.CreateDatabaseAsync();
        return await PostgresStore.OpenAsync(new PostgresStoreOptions { ConnectionString = _connectionString, Store = options }, default);
    }

    protected override async Task<ISiroccoStore> ReopenAsync() =>
        await PostgresStore.OpenAsync(new PostgresStoreOptions { ConnectionString = _connectionString, Store = Options }, default);

    private protected override Sirocco.Persistence.Sql.GroupCommitWriter GroupWriter() => ((PostgresStore)Store).DurableStore.Writer;
}
