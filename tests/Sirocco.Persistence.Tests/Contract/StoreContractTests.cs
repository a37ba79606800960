using Sirocco.Persistence.Definitions;

namespace Sirocco.Persistence.Tests.Contract;

/// <summary>
/// The behaviour every store provider must show. Each provider derives one class that says how to
/// open a fresh, empty store; the tests themselves are written once.
/// </summary>
public abstract partial class StoreContractTests : IAsyncLifetime
{
    protected static readonly DateTimeOffset T0 = new(2026, 11, 26, 14, 28, 40, TimeSpan.Zero);

    private ISiroccoStore? _store;

    protected ISiroccoStore Store => _store ?? throw new InvalidOperationException("not initialized");

    protected StoreOptions Options { get; } = new();

    public async Task InitializeAsync() => _store = await OpenAsync(Options);

    public async Task DisposeAsync()
    {
        if (_store is not null)
        {
            await _store.DisposeAsync();
        }

        await CleanUpAsync();
    }

    /// <summary>Opens a fresh empty store with the given options.</summary>
    protected abstract Task<ISiroccoStore> OpenAsync(StoreOptions options);

    /// <summary>Opens the same database a second time (as a restarted process would).</summary>
    protected abstract Task<ISiroccoStore> ReopenAsync();

    protected virtual Task CleanUpAsync() => Task.CompletedTask;

    protected static string NewId() => Guid.NewGuid().ToString();

    protected static DefinitionRecord Workflow(string name, DateTimeOffset createdAt, string @namespace = "", IReadOnlyList<string>? tags = null) =>
        new(NewId(), DefinitionKind.Workflow, name, @namespace, "<default-project>", "private", $"version: '2.0'\n{name}:\n  tasks: {{}}\n", tags ?? [], createdAt, null)
        {
            Input = "a, b=1",
            InterfaceJson = "{\"input\": [\"a\", {\"b\": 1}], \"output\": []}",
        };
}
