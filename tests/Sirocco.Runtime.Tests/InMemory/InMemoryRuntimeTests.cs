using Microsoft.Extensions.Time.Testing;
using Sirocco.Engine.Commands;
using Sirocco.Engine.Events;
using Sirocco.Engine.State;
using Sirocco.Expressions.Values;
using Sirocco.Language;
using Sirocco.Language.Model;
using Sirocco.Runtime.InMemory;

namespace Sirocco.Runtime.Tests.InMemory;

public class InMemoryRuntimeTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Runs_a_workflow_with_a_subworkflow_to_its_end()
    {
        var document = Parse("""
            version: '2.0'
            parent:
              output:
                got: <% $.got %>
              tasks:
                call:
                  workflow: child
                  input:
                    n: 20
                  publish:
                    got: <% task().result.doubled %>
            child:
              input:
                - n
              output:
                doubled: <% $.n * 2 %>
              tasks:
                t:
                  action: std.echo output=1
            """);
        await using var runtime = new InMemoryRuntime(document.FindWorkflow, Expressions.Expressions.CreateEvaluator());

        var run = await runtime.RunAsync(document.FindWorkflow("parent")!, DictValue.Empty).WaitAsync(Deadline);

        Assert.Equal(ExecutionState.Success, run.Execution.State);
        Assert.Equal(Value.From(40), run.Execution.Output.Get("got"));
    }

    [Fact]
    public async Task Wait_before_waits_for_the_time_provider()
    {
        var document = Parse("""
            version: '2.0'
            wf:
              tasks:
                t:
                  action: std.noop
                  wait-before: 5
            """);
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        var delayed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var runtime = new InMemoryRuntime(document.FindWorkflow, Expressions.Expressions.CreateEvaluator(), time: time);
        runtime.Decided += (_, decision) =>
        {
            if (decision.Commands.OfType<ScheduleTimer>().Any())
            {
                delayed.TrySetResult();
            }
        };

        var id = runtime.Start(document.Workflows[0], DictValue.Empty);
        await delayed.Task.WaitAsync(Deadline);
        var waiting = runtime.WaitAsync(id);
        Assert.False(waiting.IsCompleted);
        Assert.Equal(ExecutionState.RunningDelayed, runtime.Snapshot(id)!.Tasks.Single().State);

        time.Advance(TimeSpan.FromSeconds(5));
        var run = await waiting.WaitAsync(Deadline);

        Assert.Equal(ExecutionState.Success, run.Execution.State);
    }

    [Fact]
    public async Task A_delegate_action_completes_when_its_result_is_sent()
    {
        var document = Parse("""
            version: '2.0'
            wf:
              tasks:
                t:
                  action: third.party
                  publish:
                    answer: <% task().result %>
            """);
        var invoker = new PendingInvoker();
        await using var runtime = new InMemoryRuntime(document.FindWorkflow, Expressions.Expressions.CreateEvaluator(), invoker);

        var id = runtime.Start(document.Workflows[0], DictValue.Empty);
        var action = await invoker.Called.Task.WaitAsync(Deadline);
        runtime.Send(new ActionCompleted(id, action.ActionExecutionId, ActionOutcome.Success(Value.From(42))));
        var run = await runtime.WaitAsync(id).WaitAsync(Deadline);

        Assert.Equal(ExecutionState.Success, run.Execution.State);
        Assert.Equal(Value.From(42), run.Execution.Output.Get("answer"));
    }

    [Fact]
    public async Task Builtin_actions_follow_Mistral()
    {
        var actions = new BuiltInActions();

        var echo = await actions.InvokeAsync(new RunAction("a1", "t", "e", "std.echo", DictValue.From([new KeyValuePair<string, Value>("output", Value.From("x"))])), default);
        var fail = await actions.InvokeAsync(new RunAction("a2", "t", "e", "std.fail", DictValue.Empty), default);
        var unknown = await actions.InvokeAsync(new RunAction("a3", "t", "e", "nope", DictValue.Empty), default);

        Assert.Equal(Value.From("x"), echo!.Value);
        Assert.Equal(ExecutionState.Error, fail!.State);
        Assert.Equal("The action raised an exception [action=Fail action, action_ex_id=a2, msg='Fail action expected exception.']", fail.Value.ToText());
        Assert.Equal("Failed to find action [action_name=nope, namespace=]", unknown!.Value.ToText());
    }

    [Fact]
    public async Task An_endless_cycle_ends_in_error_at_the_runtime_task_limit()
    {
        var document = Parse("""
            version: '2.0'
            spin:
              tasks:
                first:
                  on-success: [again]
                again:
                  action: std.noop
                  on-success: [again]
            """);
        await using var runtime = new InMemoryRuntime(document.FindWorkflow, Expressions.Expressions.CreateEvaluator())
        {
            Limits = new Engine.ExecutionLimits { MaxTasksPerExecution = 40 },
        };

        var run = await runtime.RunAsync(document.FindWorkflow("spin")!, DictValue.Empty).WaitAsync(Deadline);

        Assert.Equal(ExecutionState.Error, run.Execution.State);
        Assert.Contains("the limit is 40 per execution", run.Execution.StateInfo, StringComparison.Ordinal);
        Assert.Equal(40, run.Tasks.Count);
    }

    private static WorkflowDocument Parse(string yaml) => WorkflowParser.Parse(yaml).Document!;

    private sealed class PendingInvoker : IActionInvoker
    {
        public TaskCompletionSource<RunAction> Called { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task<ActionOutcome?> InvokeAsync(RunAction action, CancellationToken cancellationToken)
        {
            Called.TrySetResult(action);
            return Task.FromResult<ActionOutcome?>(null);
        }
    }
}
