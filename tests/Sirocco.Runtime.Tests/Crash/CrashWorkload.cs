using System.Globalization;
using System.Text;
using Sirocco.Engine.Events;
using Sirocco.Expressions.Values;
using Sirocco.Persistence;
using Sirocco.Persistence.Execution;
using Sirocco.Persistence.Querying;
using Sirocco.Runtime.Durable;

namespace Sirocco.Runtime.Tests.Crash;

/// <summary>
/// The crash test's workload: 100 executions with fixed ids, half task chains and half with-items
/// fan-outs, every task <c>safe-rerun</c> so an action lost in a crash runs again. (Retries and
/// waits are not in the engine yet.) Starting it twice is harmless: a second start is a duplicate.
/// </summary>
internal static class CrashWorkload
{
    public const int Executions = 100;

    public static string Id(int k) => "00000000-0000-0000-0000-" + k.ToString("D12", CultureInfo.InvariantCulture);

    public static async Task StartAllAsync(DurableRuntime runtime)
    {
        await Task.WhenAll(Enumerable.Range(0, Executions).Select(async k =>
        {
            var (name, yaml) = k % 2 == 0 ? ("chain", Chain) : ("fan", Fan);
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
              on-success: items
            items:
              with-items: x in [0, 1, 2, 3, 4, 5, 6, 7]
              action: std.echo output=7
              publish:
                fanned: true
              on-success: last
            last:
              action: std.echo output="end"
        """;

    private static string BuildChain(int length)
    {
        var yaml = new StringBuilder("version: '2.0'\nchain:\n  task-defaults:\n    safe-rerun: true\n  tasks:\n");
        for (var i = 0; i < length; i++)
        {
            var n = i.ToString(CultureInfo.InvariantCulture);
            yaml.Append("    t").Append(n).Append(":\n      action: std.echo output=").Append(n).Append("\n      publish:\n        v").Append(n).Append(": ").Append(n).Append('\n');
            if (i + 1 < length)
            {
                yaml.Append("      on-success: t").Append((i + 1).ToString(CultureInfo.InvariantCulture)).Append('\n');
            }
        }

        return yaml.ToString();
    }
}
