using Sirocco.Persistence;
using Sirocco.Persistence.Sqlite;
using Sirocco.Persistence.Tests.Infrastructure;

namespace Sirocco.Runtime.Tests.Durable;

/// <summary>The durable runtime on a fresh SQLite file per test.</summary>
public sealed class SqliteDurableRuntimeTests : DurableRuntimeTests
{
    public SqliteDurableRuntimeTests(Xunit.Abstractions.ITestOutputHelper output) => Output = output;

    private readonly TempSqliteFile _file = new();

    internal override async Task<ISiroccoStore> OpenStoreAsync() =>
        await SqliteStore.OpenAsync(new SqliteStoreOptions { Path = _file.Path, Store = StoreOptions }, default);

    public override Task DisposeAsync()
    {
        _file.Dispose();
        return Task.CompletedTask;
    }
}
