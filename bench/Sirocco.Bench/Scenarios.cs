using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;

namespace Sirocco.Bench;

/// <summary>
/// The scenarios of issue 10, each against one server through its REST API only. Uploading the
/// workflows is not timed; the clock runs from the first request that starts work to the moment
/// the last execution is seen finished.
/// </summary>
internal sealed partial class Scenarios(MistralApi api, DatabaseProbe? probe, ProcessCpu? cpu, TimeSpan timeout)
{
    private readonly HashSet<string> _uploaded = [];

    public async Task<RunResult> ChainAsync(int tasks, CancellationToken cancel)
    {
        await UploadOnceAsync(Workflows.ChainName(tasks), () => Workflows.Chain(tasks), cancel);
        var id = "";
        var result = await TimeAsync("chain", Num(tasks), tasks, "tasks",
            async () => id = await RunOneAsync(Workflows.ChainName(tasks), null, cancel));
        await ExpectTasksAsync(id, tasks, cancel);
        return result;
    }

    public async Task<RunResult> ItemsAsync(int items, CancellationToken cancel)
    {
        await UploadOnceAsync(Workflows.ItemsName, Workflows.Items, cancel);
        return await TimeAsync("items", Num(items), items, "items",
            () => RunOneAsync(Workflows.ItemsName, new JsonObject { ["items"] = Range(items) }, cancel));
    }

    public async Task<RunResult> ParallelAsync(int executions, int tasks, CancellationToken cancel)
    {
        await UploadOnceAsync(Workflows.ChainName(tasks), () => Workflows.Chain(tasks), cancel);
        return await TimeAsync("parallel", $"{executions}x{tasks}", executions * tasks, "tasks", async () =>
        {
            var started = DateTime.UtcNow;
            using var gate = new SemaphoreSlim(16);
            var ids = await Task.WhenAll(Enumerable.Range(0, executions).Select(async _ =>
            {
                await gate.WaitAsync(cancel);
                try
                {
                    return await api.StartExecutionAsync(Workflows.ChainName(tasks), null, cancel);
                }
                finally
                {
                    gate.Release();
                }
            }));
            foreach (var id in ids)
            {
                Expect(await api.WaitExecutionAsync(id, started, timeout, cancel), id);
            }
        });
    }

    public async Task<RunResult> ContextAsync(int tasks, int blobBytes, CancellationToken cancel)
    {
        await UploadOnceAsync(Workflows.ContextName(tasks), () => Workflows.Context(tasks), cancel);
        var input = new JsonObject { ["blob"] = new string('x', blobBytes) };
        var id = "";
        var result = await TimeAsync("context", Num(tasks), tasks, "tasks",
            async () => id = await RunOneAsync(Workflows.ContextName(tasks), input, cancel));
        await ExpectTasksAsync(id, tasks, cancel);
        return result;
    }

    public async Task<RunResult> NestedAsync(int fanOut, CancellationToken cancel)
    {
        await UploadOnceAsync(Workflows.NestedName(fanOut), () => Workflows.Nested(fanOut), cancel);
        return await TimeAsync("nested", $"{fanOut}^3", Workflows.NestedTasks(fanOut), "tasks",
            () => RunOneAsync(Workflows.NestedName(fanOut), null, cancel));
    }

    private async Task<string> RunOneAsync(string workflow, JsonObject? input, CancellationToken cancel)
    {
        var started = DateTime.UtcNow;
        var id = await api.StartExecutionAsync(workflow, input, cancel);
        Expect(await api.WaitExecutionAsync(id, started, timeout, cancel), id);
        return id;
    }

    private async Task<RunResult> TimeAsync(string scenario, string size, int units, string unitName, Func<Task> timed)
    {
        var before = probe?.Size();
        var cpuBefore = cpu?.Seconds();
        var clock = Stopwatch.StartNew();
        await timed();
        return Finish(scenario, size, units, unitName, clock.Elapsed.TotalSeconds, before, cpuBefore);
    }

    private RunResult Finish(string scenario, string size, int units, string unitName, double seconds, long? before, double? cpuBefore)
    {
        var cpuAfter = cpu?.Seconds();
        var after = probe?.Size();
        return new RunResult(scenario, size, units, unitName, seconds, after, after - before, Machine.LoadAverage(), cpuAfter - cpuBefore);
    }

    private async Task ExpectTasksAsync(string executionId, int expected, CancellationToken cancel)
    {
        // Not timed: proves every task ran, on both servers alike.
        var tasks = await api.ListAsync($"executions/{executionId}/tasks", "tasks", cancel);
        var succeeded = tasks.Count(task => task["state"]?.GetValue<string>() == "SUCCESS");
        if (succeeded != expected)
        {
            throw new InvalidOperationException($"execution {executionId}: {succeeded} tasks succeeded, expected {expected}");
        }
    }

    private async Task UploadOnceAsync(string name, Func<string> yaml, CancellationToken cancel)
    {
        if (_uploaded.Add(name))
        {
            await api.UploadWorkflowsAsync(yaml(), cancel);
        }
    }

    private static void Expect(string state, string id)
    {
        if (state != "SUCCESS")
        {
            throw new InvalidOperationException($"execution {id} ended {state}");
        }
    }

    private static JsonArray Range(int count) => new(Enumerable.Range(0, count).Select(i => (JsonNode?)JsonValue.Create(i)).ToArray());

    private static string Num(int value) => value.ToString(CultureInfo.InvariantCulture);
}
