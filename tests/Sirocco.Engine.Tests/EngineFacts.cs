using Sirocco.Engine.Changes;
using Sirocco.Engine.Commands;
using Sirocco.Engine.Events;
using Sirocco.Engine.State;
using Sirocco.Engine.Tests.Harness;
using Sirocco.Expressions.Values;

namespace Sirocco.Engine.Tests;

/// <summary>Properties of Decide that scenarios do not show: links, idempotency, refusals, the shape and size of changes.</summary>
public class EngineFacts
{
    private const string Nested = """
        version: '2.0'
        top:
          tasks:
            call:
              workflow: middle
        middle:
          tasks:
            call:
              workflow: bottom
        bottom:
          tasks:
            t:
              action: std.noop
        """;

    [Fact]
    public void Subworkflows_link_to_their_parent_task_and_root_execution()
    {
        var harness = new EngineHarness(Nested);
        harness.Start("top");

        var root = harness.Root;
        var middle = harness.ExecutionIds.Select(harness.Execution).Single(e => e.WorkflowName == "middle");
        var bottom = harness.ExecutionIds.Select(harness.Execution).Single(e => e.WorkflowName == "bottom");
        Assert.Equal(ExecutionState.Success, root.State);
        Assert.Null(root.RootExecutionId);
        Assert.Null(root.TaskExecutionId);
        Assert.Equal(root.Id, middle.RootExecutionId);
        Assert.Equal(harness.Tasks(root.Id).Single().Id, middle.TaskExecutionId);
        Assert.Equal(root.Id, middle.ParentExecutionId);
        Assert.Equal(root.Id, bottom.RootExecutionId);
        Assert.Equal(harness.Tasks(middle.Id).Single().Id, bottom.TaskExecutionId);
        Assert.Equal("sub-workflow execution", bottom.Description);
    }

    [Fact]
    public void A_duplicate_action_completion_changes_nothing()
    {
        var harness = new EngineHarness("""
            version: '2.0'
            wf:
              tasks:
                t:
                  action: slow.action
            """);
        harness.Scripts["t"] = _ => null;
        harness.Start();
        var action = harness.PendingActions.Single();
        harness.Complete(action, ActionOutcome.Success(Value.From(1)));
        var commandsBefore = harness.Commands.Count;

        harness.Send(new ActionCompleted(action.ExecutionId, action.ActionExecutionId, ActionOutcome.Failure(Value.From("late"))));

        Assert.Equal(commandsBefore, harness.Commands.Count);
        Assert.Equal(ExecutionState.Success, harness.Root.State);
        Assert.Equal(Value.From(1), harness.Tasks().Single().Result);
    }

    [Fact]
    public void Starting_the_same_execution_twice_is_a_no_op()
    {
        var engine = new WorkflowEngine();
        var state = new MemoryExecutionState();
        var spec = Sirocco.Language.WorkflowParser.Parse("version: '2.0'\nwf:\n  tasks:\n    t:\n      action: std.noop\n").Document!.Workflows[0];
        var context = new DecisionContext(spec, TestExpressions.Create(), new SequentialIds(), DateTimeOffset.UnixEpoch);
        var start = new StartWorkflow("e1", DictValue.Empty, DictValue.Empty);
        state.Apply(engine.Decide(state, start, context).Changes);

        var again = engine.Decide(state, start, context);

        Assert.Empty(again.Changes);
        Assert.Empty(again.Commands);
    }

    [Fact]
    public void Resuming_a_running_execution_is_refused_with_a_reason_and_no_change()
    {
        var harness = new EngineHarness("version: '2.0'\nwf:\n  tasks:\n    t:\n      action: slow\n");
        harness.Scripts["t"] = _ => null;
        harness.Start();

        harness.Send(new ResumeExecution(harness.RootId!));

        Assert.Equal("Can't change workflow execution state from RUNNING to RUNNING.", Assert.Single(harness.Rejections));
        Assert.Equal(ExecutionState.Running, harness.Root.State);
    }

    [Fact]
    public void Start_emits_the_first_actions_with_evaluated_input_and_stamps_the_clock()
    {
        var engine = new WorkflowEngine();
        var state = new MemoryExecutionState();
        var spec = Sirocco.Language.WorkflowParser.Parse("""
            version: '2.0'
            wf:
              input:
                - who
              tasks:
                t:
                  action: std.echo output="hi <% $.who %>"
            """).Document!.Workflows[0];
        var now = new DateTimeOffset(2030, 5, 6, 7, 8, 9, TimeSpan.Zero);
        var context = new DecisionContext(spec, TestExpressions.Create(), new SequentialIds(), now);

        var decision = engine.Decide(state, new StartWorkflow("e1", DictValue.From([new KeyValuePair<string, Value>("who", Value.From("bob"))]), DictValue.Empty), context);

        var run = Assert.Single(decision.Commands.OfType<RunAction>());
        Assert.Equal("std.echo", run.ActionName);
        Assert.Equal(Value.From("hi bob"), run.Input.Get("output"));
        var created = Assert.Single(decision.Changes.OfType<ExecutionCreated>());
        Assert.Equal(now, created.Execution.CreatedAt);
        Assert.IsType<TaskExecutionCreated>(decision.Changes[1]);
        Assert.IsType<ActionExecutionCreated>(decision.Changes[2]);
    }

    [Fact]
    public void A_long_chain_stores_only_what_each_task_publishes_and_each_event_changes_a_few_rows()
    {
        const int Length = 2_000;
        var yaml = new System.Text.StringBuilder("version: '2.0'\nwf:\n  tasks:\n");
        for (var i = 0; i < Length; i++)
        {
            yaml.Append($"    t{i}:\n      publish:\n        v{i}: {i}\n");
            if (i + 1 < Length)
            {
                yaml.Append($"      on-success: [t{i + 1}]\n");
            }
        }

        var harness = new EngineHarness(yaml.ToString());
        harness.Start();

        var tasks = harness.Tasks();
        Assert.Equal(ExecutionState.Success, harness.Root.State);
        Assert.Equal(Length, tasks.Count);
        // Linear storage: every task holds exactly its own published variable, never the context.
        Assert.All(tasks, t => Assert.Single(t.Published));
        Assert.Equal(Length, harness.Root.Output.Count);
    }

    [Fact]
    public void An_action_completion_in_a_chain_writes_a_constant_number_of_rows()
    {
        var engine = new WorkflowEngine();
        var state = new MemoryExecutionState();
        var spec = Sirocco.Language.WorkflowParser.Parse("""
            version: '2.0'
            wf:
              tasks:
                a:
                  publish: {x: 1}
                  on-success: [b]
                b:
                  publish: {y: 2}
                  on-success: [c]
                c:
                  action: std.noop
            """).Document!.Workflows[0];
        var ids = new SequentialIds();
        var context = new DecisionContext(spec, TestExpressions.Create(), ids, DateTimeOffset.UnixEpoch);
        var first = engine.Decide(state, new StartWorkflow("e1", DictValue.Empty, DictValue.Empty), context);
        state.Apply(first.Changes);
        var run = first.Commands.OfType<RunAction>().Single();

        var next = engine.Decide(state, new ActionCompleted("e1", run.ActionExecutionId, ActionOutcome.Success(Value.Null)), context);

        // The action row, the finished task and the next task with its action: no snapshot of the execution.
        Assert.Equal(4, next.Changes.Count);
        Assert.DoesNotContain(next.Changes, c => c is ExecutionUpdated);
    }
}
