using System.Collections.Concurrent;
using Sirocco.Language;
using Sirocco.Language.Model;

namespace Sirocco.Runtime.Durable;

/// <summary>
/// Parsed workflow documents keyed by their YAML text, and each execution's spec keyed by its id:
/// an event costs a dictionary lookup, not a YAML parse. Executions run the snapshot they started
/// with, so a cached spec never goes stale.
/// </summary>
internal sealed class SpecCache
{
    internal const int MaxExecutions = 10_000;

    private readonly ConcurrentDictionary<string, WorkflowDocument> _documents = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, WorkflowSpec> _byExecution = new(StringComparer.Ordinal);

    // Executions remembered since the last emptying: ConcurrentDictionary.Count would take every lock of the table.
    private int _remembered;

    public WorkflowSpec? ForExecution(string executionId) => _byExecution.GetValueOrDefault(executionId);

    public void Remember(string executionId, WorkflowSpec spec)
    {
        if (Interlocked.Increment(ref _remembered) > MaxExecutions)
        {
            Volatile.Write(ref _remembered, 1);
            _byExecution.Clear();
        }

        _byExecution[executionId] = spec;
    }

    /// <summary>The workflow <paramref name="workflowName"/> of <paramref name="yaml"/> (full or short <c>wb.wf</c> name), or null.</summary>
    public WorkflowSpec? Find(string yaml, string workflowName)
    {
        var document = _documents.GetOrAdd(yaml, static text =>
        {
            var parsed = WorkflowParser.Parse(text);
            return parsed.Document ?? throw new InvalidOperationException("Invalid workflow definition: " + string.Join("; ", parsed.Diagnostics));
        });
        return document.FindWorkflow(workflowName)
            ?? (workflowName.Contains('.', StringComparison.Ordinal) ? document.FindWorkflow(workflowName[(workflowName.LastIndexOf('.') + 1)..]) : null);
    }
}
