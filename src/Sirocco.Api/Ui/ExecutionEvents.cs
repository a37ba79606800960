using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using Sirocco.Api.Executions;
using Sirocco.Api.Http;
using Sirocco.Api.Secrets;
using Sirocco.Persistence;
using Sirocco.Persistence.Querying;

namespace Sirocco.Api.Ui;

/// <summary>
/// <c>GET /ui/api/executions/{id}/events</c>: server-sent events with a <c>snapshot</c> of the execution and its
/// tasks each time one of them changes. The store is the single source of truth in every deployment (one
/// process or engine and executors apart), so the stream reads it every <see cref="Interval"/> and sends only
/// when something differs; a browser thus sees changes within that interval without reloading, and a
/// terminal execution costs one read per interval until the page is closed.
/// </summary>
internal static class ExecutionEvents
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    public static async Task<IResult> Stream(string id, HttpRequest request, ISiroccoStore store, TimeProvider clock)
    {
        await ExecutionEndpoints.FindAsync(store, id, request.HttpContext.RequestAborted);
        return TypedResults.ServerSentEvents(SnapshotsAsync(id, store, clock, request.HttpContext.RequestServices.GetService<SecretRedactor>(), request.HttpContext.RequestAborted));
    }

    private static async IAsyncEnumerable<SseItem<string>> SnapshotsAsync(
        string id, ISiroccoStore store, TimeProvider clock, SecretRedactor? redactor, [EnumeratorCancellation] CancellationToken cancel)
    {
        string? last = null;
        while (!cancel.IsCancellationRequested)
        {
            var snapshot = await SnapshotAsync(id, store, cancel, redactor);
            if (snapshot is null)
            {
                yield return new SseItem<string>("{}", "deleted");
                yield break;
            }

            if (snapshot != last)
            {
                last = snapshot;
                yield return new SseItem<string>(snapshot, "snapshot");
            }

            try
            {
                await Task.Delay(Interval, clock, cancel);
            }
            catch (OperationCanceledException)
            {
                yield break;
            }
        }
    }

    internal static async Task<string?> SnapshotAsync(string id, ISiroccoStore store, CancellationToken cancel, SecretRedactor? redactor = null)
    {
        var execution = await store.Executions.GetWorkflowExecutionAsync(id, cancel);
        if (execution is null)
        {
            return null;
        }

        var query = new ListQuery { Filters = [FieldFilter.Equal("workflow_execution_id", id)] };
        var tasks = await store.Executions.ListTaskExecutionsAsync(query, cancel);
        var json = new JsonObject
        {
            ["execution"] = ExecutionJson.Execution(execution),
            ["tasks"] = new JsonArray([.. tasks.Select(t => (JsonNode)ExecutionJson.Task(t))]),
        };
        return redactor is null ? json.ToJsonString() : SecretRedaction.Redact(json.ToJsonString(), redactor);
    }
}
