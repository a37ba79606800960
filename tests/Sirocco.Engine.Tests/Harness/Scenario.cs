using Sirocco.Engine.Events;
using Sirocco.Engine.State;
using Sirocco.Expressions.Values;
using YamlDotNet.RepresentationModel;

namespace Sirocco.Engine.Tests.Harness;

/// <summary>
/// One golden scenario file: a workflow, how to run it (input, params, scripted action outcomes, later
/// events) and the expected execution (state, state_info, output, tasks in creation order).
/// </summary>
internal sealed class Scenario
{
    private readonly DictValue _data;

    private Scenario(string name, DictValue data)
    {
        Name = name;
        _data = data;
    }

    public string Name { get; }

    public static Scenario Load(string path)
    {
        var root = YamlValues.Load(File.ReadAllText(path));
        return new Scenario(Path.GetFileNameWithoutExtension(path), (DictValue)YamlValues.ToValue(root));
    }

    public EngineHarness Run()
    {
        var harness = new EngineHarness(Text("workflow")!);
        if (_data.Get("environments") is DictValue envs)
        {
            foreach (var (name, variables) in envs)
            {
                harness.AddEnvironment(name.ToText(), (DictValue)variables);
            }
        }

        if (_data.Get("actions") is DictValue scripts)
        {
            foreach (var (task, script) in scripts)
            {
                harness.Scripts[task.ToText()] = Script(script);
            }
        }

        harness.Start(Text("run"), _data.Get("input") as DictValue, _data.Get("params") as DictValue);
        if (_data.Get("then") is ListValue steps)
        {
            foreach (var step in steps.Cast<DictValue>())
            {
                Apply(harness, step);
            }
        }

        return harness;
    }

    public void Verify(EngineHarness harness) => Verify(harness, (DictValue)_data.Get("expect")!);

    /// <summary>Checks one expectation block (the final one, or one between steps).</summary>
    public void Verify(EngineHarness harness, DictValue expect)
    {
        var execution = harness.Root;
        var tasks = harness.Tasks();
        var summary = $"{Name}: state={execution.State.ToMistral()} info={execution.StateInfo} output={execution.Output.ToJson()} tasks=" +
            string.Join(", ", tasks.Select(t => $"{t.Name}:{t.State.ToMistral()}:{t.Published.ToJson()}:{t.Result?.ToJson()}:{t.StateInfo}"));
        if (expect.Get("state") is { } state)
        {
            Assert.True(state.ToText() == execution.State.ToMistral(), summary);
        }

        if (expect.Get("state_info") is { } info)
        {
            Assert.True(info.IsNull ? execution.StateInfo is null : info.ToText() == execution.StateInfo, summary);
        }

        foreach (var fragment in Strings(expect.Get("state_info_contains")))
        {
            Assert.True(execution.StateInfo?.Contains(fragment, StringComparison.Ordinal) == true, $"'{fragment}' not in state_info. {summary}");
        }

        if (expect.Get("description") is { } description)
        {
            Assert.True(description.ToText() == execution.Description, $"description '{description.ToText()}' expected, got '{execution.Description}'. {summary}");
        }

        if (expect.Get("env") is { } env)
        {
            Assert.True(env.Equals(execution.Environment), $"env {env.ToJson()} expected, got {execution.Environment.ToJson()}. {summary}");
        }

        if (expect.Get("output") is { } output)
        {
            Assert.True(output.Equals(execution.Output), $"output {output.ToJson()} expected. {summary}");
        }

        if (expect.Get("output_contains") is DictValue partial)
        {
            foreach (var (key, value) in partial)
            {
                Assert.True(execution.Output.TryGetValue(key, out var actual) && value.Equals(actual), $"output.{key} = {value.ToJson()} expected. {summary}");
            }
        }

        if (expect.Get("tasks") is ListValue expectedTasks)
        {
            Assert.True(expectedTasks.Count == tasks.Count, $"{expectedTasks.Count} tasks expected. {summary}");
            for (var i = 0; i < tasks.Count; i++)
            {
                VerifyTask((DictValue)expectedTasks[i], tasks[i], harness, summary);
            }
        }

        if (expect.Get("task_states") is DictValue states)
        {
            foreach (var (name, taskState) in states)
            {
                var latest = tasks.LastOrDefault(t => t.Name == name.ToText());
                Assert.True(latest?.State.ToMistral() == taskState.ToText(), $"task {name.ToText()} {taskState.ToText()} expected. {summary}");
            }
        }

        foreach (var name in Strings(expect.Get("not_run")))
        {
            Assert.True(tasks.All(t => t.Name != name), $"{name} must not run. {summary}");
        }

        if (expect.Get("task_count") is IntValue count)
        {
            Assert.True((int)count.Value == tasks.Count, $"{count.Value} tasks expected. {summary}");
        }

        if (expect.Get("executions") is IntValue executions)
        {
            Assert.True((int)executions.Value == harness.ExecutionIds.Count(), $"{executions.Value} executions expected. {summary}");
        }

        if (expect.Get("timers") is IntValue timers)
        {
            Assert.True((int)timers.Value == harness.Timers.Count, $"{timers.Value} pending timers expected, got {harness.Timers.Count}. {summary}");
        }

        if (expect.Get("pending_actions") is IntValue pending)
        {
            Assert.True((int)pending.Value == harness.PendingActions.Count, $"{pending.Value} pending actions expected, got {harness.PendingActions.Count}. {summary}");
        }

        if (expect.Get("action_runs") is IntValue runs)
        {
            Assert.True((int)runs.Value == harness.RunActions.Count, $"{runs.Value} action runs expected, got {harness.RunActions.Count}. {summary}");
        }

        if (expect.Get("rejections") is IntValue rejections)
        {
            Assert.True((int)rejections.Value == harness.Rejections.Count, $"{rejections.Value} rejections expected: {string.Join("; ", harness.Rejections)}");
        }
    }

    private static void VerifyTask(DictValue expected, TaskExecution task, EngineHarness harness, string summary)
    {
        var label = $"task {task.Name}: ";
        if (expected.Get("name") is { } name)
        {
            Assert.True(name.ToText() == task.Name, label + $"name {name.ToText()} expected. {summary}");
        }

        if (expected.Get("state") is { } state)
        {
            Assert.True(state.ToText() == task.State.ToMistral(), label + $"state {state.ToText()} expected. {summary}");
        }

        if (expected.Get("state_info") is { } info)
        {
            Assert.True(info.IsNull ? task.StateInfo is null : info.ToText() == task.StateInfo, label + $"state_info expected '{info.ToText()}'. {summary}");
        }

        foreach (var fragment in Strings(expected.Get("state_info_contains")))
        {
            Assert.True(task.StateInfo?.Contains(fragment, StringComparison.Ordinal) == true, label + $"'{fragment}' not in state_info. {summary}");
        }

        if (expected.Get("published") is { } published)
        {
            Assert.True(published.Equals(task.Published), label + $"published {published.ToJson()} expected. {summary}");
        }

        if (expected.Get("result") is { } result)
        {
            Assert.True(result.Equals(task.Result ?? Value.Null), label + $"result {result.ToJson()} expected. {summary}");
        }

        if (expected.Get("actions") is IntValue actions)
        {
            Assert.True((int)actions.Value == harness.State(task.WorkflowExecutionId).ActionsOf(task.Id).Count(), label + $"{actions.Value} action executions expected. {summary}");
        }
    }

    private void Apply(EngineHarness harness, DictValue step)
    {
        var root = harness.RootId!;
        if (step.Get("expect") is DictValue expect)
        {
            Verify(harness, expect);
        }
        else if (step.Get("complete") is { } taskName)
        {
            var action = harness.PendingActions.Concat(harness.CancelledActions)
                .First(a => harness.State(a.ExecutionId).FindTask(a.TaskExecutionId)!.Name == taskName.ToText());
            harness.Complete(action, Outcome(step)!);
        }
        else if (step.Get("lose") is { } lost)
        {
            var action = harness.PendingActions.First(a => harness.State(a.ExecutionId).FindTask(a.TaskExecutionId)!.Name == lost.ToText());
            harness.PendingActions.Remove(action);
            harness.Send(new ActionLost(action.ExecutionId, action.ActionExecutionId));
        }
        else if (step.Get("pause") is { } pause)
        {
            harness.Send(new PauseExecution(root, pause.IsNull ? null : pause.ToText()));
        }
        else if (step.Get("resume") is { } resume)
        {
            harness.Send(new ResumeExecution(root, resume as DictValue));
        }
        else if (step.Get("cancel") is { } cancel)
        {
            harness.Send(new CancelExecution(root, cancel.IsNull ? null : cancel.ToText()));
        }
        else if (step.Get("stop") is DictValue stop)
        {
            var state = ExecutionStates.TryParse(stop.Get("state")!.ToText(), out var parsed) ? parsed : throw new InvalidOperationException("stop.state");
            harness.Send(new StopExecution(root, state, stop.Get("message") is { IsNull: false } message ? message.ToText() : null));
        }
        else if (step.Get("update") is DictValue update)
        {
            harness.Send(new UpdateExecution(root, update.Get("description")?.ToText(), update.Get("env") as DictValue));
        }
        else if (step.Get("advance") is { } seconds)
        {
            harness.Advance(TimeSpan.FromSeconds(double.Parse(seconds.ToText(), System.Globalization.CultureInfo.InvariantCulture)));
        }
        else if (step.Get("rerun") is { } rerun)
        {
            if (step.Get("script") is { } script)
            {
                harness.Scripts[rerun.ToText()] = Script(script);
            }

            var task = harness.Tasks().Last(t => t.Name == rerun.ToText());
            harness.Send(new RerunTask(root, task.Id, step.Get("reset") is not { IsTruthy: false }, step.Get("env") as DictValue));
        }
    }

    /// <summary>A scripted outcome: <c>{result: x}</c>, <c>{error: x}</c>, <c>pending</c>, or a list taken call by call (the last repeats).</summary>
    private static Func<ActionCall, ActionOutcome?> Script(Value script) => script switch
    {
        ListValue sequence => call => Outcome(sequence[Math.Min(call.Attempt, sequence.Count) - 1]),
        DictValue { Count: > 0 } byItem when byItem.Get("items") is ListValue items => call => Outcome(items[Math.Min(call.Index, items.Count - 1)]),
        DictValue { Count: > 0 } byCall when byCall.Get("calls") is ListValue calls => call => Outcome(calls[Math.Min(call.Call, calls.Count) - 1]),
        DictValue { Count: > 0 } echo when echo.Get("echo_item") is not null => call => ActionOutcome.Success(call.Input.Get("output") ?? Value.Null),
        _ => _ => Outcome(script),
    };

    private static ActionOutcome? Outcome(Value value) => value switch
    {
        DictValue d when d.Get("error") is { } error => ActionOutcome.Failure(error),
        DictValue d when d.Get("result") is { } result => ActionOutcome.Success(result),
        StringValue { Value: "pending" } => null,
        _ => ActionOutcome.Success(value),
    };

    private static IEnumerable<string> Strings(Value? value) => value switch
    {
        null => [],
        ListValue list => list.Select(v => v.ToText()),
        _ => [value.ToText()],
    };

    private string? Text(string key) => _data.Get(key) is { IsNull: false } v ? v.ToText() : null;

    public override string ToString() => Name;
}
