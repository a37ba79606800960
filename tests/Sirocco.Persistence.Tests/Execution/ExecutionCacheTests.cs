using Sirocco.Persistence.Durable;
using Sirocco.Persistence.Execution;

namespace Sirocco.Persistence.Tests.Execution;

public sealed class ExecutionCacheTests
{
    [Fact]
    public void An_execution_locked_at_the_version_it_was_read_at_is_not_read_again()
    {
        var rows = new CountingRows { Stored = Row("RUNNING", version: 3), Locked = 3 };

        var first = new DurableExecutionState(rows, "e1").Execution;
        var second = new DurableExecutionState(rows, "e1").Execution;

        Assert.Equal(1, rows.Reads);
        Assert.Same(first, second);
    }

    [Fact]
    public void A_newer_version_in_the_database_is_read_and_replaces_the_cached_one()
    {
        var rows = new CountingRows { Stored = Row("RUNNING", version: 3), Locked = 3 };
        _ = new DurableExecutionState(rows, "e1").Execution;

        // Another process (or a later event) committed a change.
        rows.Stored = Row("SUCCESS", version: 4);
        rows.Locked = 4;
        var changed = new DurableExecutionState(rows, "e1").Execution;
        var again = new DurableExecutionState(rows, "e1").Execution;

        Assert.Equal(Sirocco.Engine.State.ExecutionState.Success, changed!.State);
        Assert.Same(changed, again);
        Assert.Equal(2, rows.Reads);
    }

    [Fact]
    public void Without_a_lock_or_after_a_failed_commit_the_row_is_always_read()
    {
        var rows = new CountingRows { Stored = Row("RUNNING", version: 1), Locked = null };
        _ = new DurableExecutionState(rows, "e1").Execution;
        _ = new DurableExecutionState(rows, "e1").Execution;
        Assert.Equal(2, rows.Reads);

        rows.Locked = 1;
        _ = new DurableExecutionState(rows, "e1").Execution;
        rows.Executions.Clear();
        _ = new DurableExecutionState(rows, "e1").Execution;
        Assert.Equal(4, rows.Reads);
    }

    private static StoredExecution Row(string state, long version) => new()
    {
        Id = "e1",
        WorkflowName = "wf",
        State = state,
        InputJson = """{"items": [1, 2, 3]}""",
        Version = version,
        CreatedAt = DateTimeOffset.UnixEpoch,
    };

    private sealed class CountingRows : IExecutionRowSource
    {
        public StoredExecution? Stored { get; set; }

        public long? Locked { get; set; }

        public int Reads { get; private set; }

        public ExecutionCache Executions { get; } = new();

        public TaskCache TaskCopies { get; } = new();

        public Sirocco.Engine.State.TaskExecution? KeptTask(string taskExecutionId) => null;

        public StoredExecution? Execution(string executionId)
        {
            Reads++;
            return Stored;
        }

        public long? LockedVersion(string executionId) => Locked;

        public StoredTask? Task(string taskExecutionId) => null;

        public IReadOnlyList<StoredTask> TasksNamed(string executionId, string name) => [];

        public IReadOnlyList<StoredTask> Tasks(string executionId) => [];

        public int CountIncompleteTasks(string executionId) => 0;

        public int CountTasks(string executionId) => 0;

        public StoredAction? Action(string actionExecutionId) => null;

        public IReadOnlyList<StoredAction> ActionsOf(string taskExecutionId) => [];

        public (string Variables, string Lists)? Items(string taskExecutionId) => null;
    }
}
