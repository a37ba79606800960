using Sirocco.Engine.Processing;
using Sirocco.Engine.State;
using Sirocco.Expressions.Values;

namespace Sirocco.Engine.Tests;

public sealed class ContextCacheFacts
{
    private static readonly DateTimeOffset Decided = new DateTimeOffset(2026, 11, 27, 2, 0, 0, TimeSpan.Zero).AddTicks(1_234_567);

    [Fact]
    public void A_task_read_back_at_microsecond_precision_finds_the_context_remembered_when_it_was_decided()
    {
        var cache = new ContextCache();
        var context = DictValue.From(new OrderedDictionary<Value, Value> { [new StringValue("k")] = new StringValue("v") });
        cache.Put(Task(Decided), context);

        // Stored as microseconds: the last tick digit is gone when the row comes back.
        var readBack = Task(Decided.AddTicks(-(Decided.UtcTicks % 10)));

        Assert.True(cache.TryGet(readBack, out var found));
        Assert.Same(context, found);
    }

    [Fact]
    public void A_task_changed_since_is_a_miss()
    {
        var cache = new ContextCache();
        cache.Put(Task(Decided), DictValue.Empty);

        Assert.False(cache.TryGet(Task(Decided.AddMilliseconds(1)), out _));
    }

    private static TaskExecution Task(DateTimeOffset updated) => new()
    {
        Id = "t1",
        Name = "one",
        WorkflowExecutionId = "e1",
        WorkflowName = "wf",
        UpdatedAt = updated,
    };
}
