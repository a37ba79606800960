using Sirocco.Persistence.Sqlite;
using Sirocco.Persistence.Tests.Infrastructure;

namespace Sirocco.Persistence.Tests.Contract;

/// <summary>The store contract on a fresh SQLite file per test.</summary>
public sealed class SqliteStoreContractTests : StoreContractTests
{
    private readonly TempSqliteFile _file = new();

    protected override async Task<ISiroccoStore> OpenAsync(StoreOptions options) =>
        await SqliteStore.OpenAsync(new SqliteStoreOptions { Path = _file.Path, Store = options }, default);

    protected override Task<ISiroccoStore> ReopenAsync() => OpenAsync(Options);

    protected override Task CleanUpAsync()
    {
        _file.Dispose();
        return Task.CompletedTask;
    }

    private protected override Sirocco.Persistence.Sql.GroupCommitWriter GroupWriter() => ((SqliteStore)Store).DurableStore.Writer;
}
