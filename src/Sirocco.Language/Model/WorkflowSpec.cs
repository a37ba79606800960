using System.Collections.Frozen;
using System.Collections.Immutable;
using Sirocco.Expressions.Values;

namespace Sirocco.Language.Model;

/// <summary>One workflow: its interface (input, output), its data (vars) and its tasks in file order.</summary>
public sealed record WorkflowSpec
{
    private readonly ImmutableArray<TaskSpec> _tasks = [];
    private FrozenDictionary<string, TaskSpec> _byName = FrozenDictionary<string, TaskSpec>.Empty;

    /// <summary>The name as written in the file (a workbook's workflows are not prefixed with the workbook name here).</summary>
    public required string Name { get; init; }

    public WorkflowType Type { get; init; } = WorkflowType.Direct;

    public string? Description { get; init; }

    public ImmutableArray<string> Tags { get; init; } = [];

    /// <summary>Declared inputs in declaration order.</summary>
    public ImmutableArray<InputParameter> Input { get; init; } = [];

    /// <summary>The <c>output</c> mapping (expressions unevaluated); empty when absent.</summary>
    public DictValue Output { get; init; } = DictValue.Empty;

    /// <summary>The <c>output-on-error</c> mapping; empty when absent.</summary>
    public DictValue OutputOnError { get; init; } = DictValue.Empty;

    /// <summary>The <c>vars</c> mapping; empty when absent.</summary>
    public DictValue Vars { get; init; } = DictValue.Empty;

    /// <summary>The <c>task-defaults</c> section, or null when absent.</summary>
    public TaskDefaultsSpec? TaskDefaults { get; init; }

    /// <summary>Tasks in file order.</summary>
    public ImmutableArray<TaskSpec> Tasks
    {
        get => _tasks;
        init
        {
            _tasks = value;
            var map = new Dictionary<string, TaskSpec>(StringComparer.Ordinal);
            foreach (var task in value)
            {
                map.TryAdd(task.Name, task);
            }

            _byName = map.ToFrozenDictionary(StringComparer.Ordinal);
        }
    }

    /// <summary>
    /// The text Mistral's API returns as this workflow's <c>definition</c>: the whole file when it holds only this
    /// workflow; otherwise this workflow's own lines (under <c>version: '2.0'</c> for a workflow file, dedented for a workbook).
    /// </summary>
    public string Definition { get; init; } = string.Empty;

    /// <summary>Where the workflow's name is written.</summary>
    public SourceLocation Location { get; init; } = SourceLocation.Start;

    /// <summary>Mistral's input signature as the REST API shows it, e.g. <c>a, b="1"</c>.</summary>
    public string InputSignature => InputSignatures.ForWorkflow(Input);

    /// <summary>The task with this name, or null.</summary>
    public TaskSpec? FindTask(string name) => _byName.GetValueOrDefault(name);
}
