using System.Globalization;
using System.Text;
using Sirocco.Engine.Events;
using Sirocco.Expressions.Values;
using Sirocco.Persistence;
using Sirocco.Persistence.Execution;
using Sirocco.Persistence.Querying;
using Sirocco.Runtime.Durable;
using Sirocco.Runtime.Tests.Infrastructure;
using Sirocco.Transport.Queues;

namespace Sirocco.Runtime.Tests.Crash;

/// <summary>
/// The crash test's workload: 100 executions with fixed ids, a quarter each of
/// <list type="bullet">
/// <item>chains with <c>wait-before</c> and <c>wait-after</c> (safe-rerun),</item>
/// <item>with-items fan-outs (safe-rerun) followed by a call <em>without</em> safe-rerun,</item>
/// <item>a failing task retried with a delay, then handled by <c>on-error</c> (safe-rerun),</item>
/// <item>a call without safe-rerun followed by a wait.</item>
/// </list>
/// Calls without safe-rerun run <c>test.count</c>, whose side effect (a line in a file) counts how often
/// each really ran. Starting the workload twice is harmless: a second start is a duplicate.
/// </summary>
internal static class CrashWorkload
{
    private static readonly Lock SideEffectsLock = new();

    public const int Executions = 100;

    /// <summary>What an execution shows when a call without safe-rerun was lost in a crash: the only allowed difference.</summary>
    public const string LostMark = "its runner was lost";

    public static string Id(int k) => "00000000-0000-0000-0000-" + k.ToString("D12", CultureInfo.InvariantCulture);

    /// <summary>The task of execution <paramref name="k"/> whose call has no safe-rerun (it may be failed by a crash), or null.</summary>
    public static string? UnsafeTask(int k) => (k % 4) switch
    {
        1 => "last",
        3 => "charge",
        _ => null,
    };

    public static async Task StartAllAsync(DurableRuntime runtime)
    {
        await Task.WhenAll(Enumerable.Range(0, Executions).Select(async k =>
        {
            var (name, yaml) = (k % 4) switch
            {
                0 => ("chain", Chain),
                1 => ("fan", Fan),
                2 => ("retrying", Retrying),
                _ => ("once", Once(k)),
            };
            await runtime.SubmitAsync(new StartWorkflow(Id(k), DictValue.Empty, DictValue.Empty), new ExecutionOrigin(name, null, "", yaml), default);
        }));
    }

    public static async Task WaitAllAsync(DurableRuntime runtime, CancellationToken cancellationToken)
    {
        foreach (var k in Enumerable.Range(0, Executions))
        {
            await runtime.WaitForCompletionAsync(Id(k), cancellationToken);
        }
    }

    /// <summary>
    /// The runner's behaviour: <c>std.fail</c> fails, <c>test.count</c> appends "execution action" to
    /// <paramref name="sideEffects"/> (one write, so a kill leaves whole lines) and echoes, the rest echo.
    /// </summary>
    public static Func<RunActionRequest, ActionResultMessage?> Script(string sideEffects) => request => request.ActionName switch
    {
        "std.fail" => new ActionResultMessage(request.ActionExecutionId, ActionResultKind.Error, "\"failed on purpose\""),
        "test.count" => Count(request, sideEffects),
        _ => ScriptedRunner.Echo(request),
    };

    /// <summary>What an execution ended as, in a form two runs can be compared by.</summary>
    public static async Task<string> OutcomeAsync(ISiroccoStore store, string id)
    {
        var execution = await store.Executions.GetWorkflowExecutionAsync(id, default);
        var text = new StringBuilder($"{execution?.State} {execution?.OutputJson}\n");
        var tasks = await store.Executions.ListTaskExecutionsAsync(new ListQuery { Filters = [FieldFilter.Equal("workflow_execution_id", id)], SortKeys = ["name"] }, default);
        foreach (var task in tasks)
        {
            var full = await store.Executions.GetTaskExecutionAsync(task.Id, default);
            text.Append(CultureInfo.InvariantCulture, $"  {task.Name} {task.State} {task.PublishedJson} {full?.ResultJson}\n");
        }

        return text.ToString();
    }

    /// <summary>The state_info of every failed task of an execution, joined.</summary>
    public static async Task<string> FailuresAsync(ISiroccoStore store, string id)
    {
        var tasks = await store.Executions.ListTaskExecutionsAsync(new ListQuery { Filters = [FieldFilter.Equal("workflow_execution_id", id), FieldFilter.Equal("state", "ERROR")] }, default);
        return string.Join(" | ", tasks.Select(t => $"{t.Name}: {t.StateInfo}"));
    }

    private static ActionResultMessage Count(RunActionRequest request, string sideEffects)
    {
        // One writer at a time: .NET appends by writing at the end offset it saw when opening, not with
        // O_APPEND, so two runners appending at once could write the same offset and one line would be lost.
        lock (SideEffectsLock)
        {
            File.AppendAllText(sideEffects, $"{request.ExecutionId} {request.ActionExecutionId}\n");
        }

        return ScriptedRunner.Echo(request);
    }

    private static string Chain => BuildChain(6);

    private static string Fan =>
        """
        version: '2.0'
        fan:
          task-defaults:
            safe-rerun: true
          tasks:
            first:
              action: std.echo output="go"
              wait-after: 1
              on-success: items
            items:
              with-items: x in [0, 1, 2, 3, 4, 5, 6, 7]
              concurrency: 3
              action: std.echo output=7
              publish:
                fanned: true
              on-success: last
            last:
              action: test.count output="end"
              safe-rerun: false
        """;

    private static string Retrying =>
        """
        version: '2.0'
        retrying:
          task-defaults:
            safe-rerun: true
          tasks:
            flaky:
              action: std.fail
              retry:
                count: 2
                delay: 1
              on-error: handle
            handle:
              action: std.echo output="handled"
              publish:
                handled: true
        """;

    // The call without safe-rerun comes after a wait that differs per execution, so such calls are
    // spread over the run (and over the server incarnations) instead of all starting at once.
    private static string Once(int k) =>
        $$"""
        version: '2.0'
        once:
          tasks:
            prepare:
              action: std.echo output="ready"
              wait-before: {{1 + (k % 20)}}
              safe-rerun: true
              on-success: charge
            charge:
              action: test.count output="charged"
              publish:
                charged: true
              on-success: confirm
            confirm:
              action: std.echo output="confirmed"
              wait-before: 2
              safe-rerun: true
        """;

    private static string BuildChain(int length)
    {
        var yaml = new StringBuilder("version: '2.0'\nchain:\n  task-defaults:\n    safe-rerun: true\n  tasks:\n");
        for (var i = 0; i < length; i++)
        {
            var n = i.ToString(CultureInfo.InvariantCulture);
            yaml.Append("    t").Append(n).Append(":\n      action: std.echo output=").Append(n).Append("\n      publish:\n        v").Append(n).Append(": ").Append(n).Append('\n');
            if (i == 2)
            {
                yaml.Append("      wait-before: 1\n");
            }

            if (i == 4)
            {
                yaml.Append("      wait-after: 1\n");
            }

            if (i + 1 < length)
            {
                yaml.Append("      on-success: t").Append((i + 1).ToString(CultureInfo.InvariantCulture)).Append('\n');
            }
        }

        return yaml.ToString();
    }
}
