using System.Globalization;
using System.Text;

namespace Sirocco.Language;

/// <summary>
/// Limits on definitions accepted at upload and validation (Mistral has none besides the request size).
/// Zero or a negative value switches a limit off. Definitions already stored are parsed without them,
/// so lowering a limit never breaks what runs.
/// </summary>
public sealed record DefinitionLimits
{
    /// <summary>Configuration key of <see cref="MaxDefinitionBytes"/>.</summary>
    public const string MaxDefinitionBytesKey = "Limits:MaxDefinitionBytes";

    /// <summary>Configuration key of <see cref="MaxTasksPerWorkflow"/>.</summary>
    public const string MaxTasksPerWorkflowKey = "Limits:MaxTasksPerWorkflow";

    /// <summary>The defaults.</summary>
    public static DefinitionLimits Default { get; } = new();

    /// <summary>Largest definition text in UTF-8 bytes. Default 2 MiB.</summary>
    public int MaxDefinitionBytes { get; init; } = 2 * 1024 * 1024;

    /// <summary>Most tasks one workflow may declare. Default 10,000.</summary>
    public int MaxTasksPerWorkflow { get; init; } = 10_000;

    /// <summary>The error when <paramref name="text"/> is larger than <see cref="MaxDefinitionBytes"/>, or null.</summary>
    public string? CheckSize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (MaxDefinitionBytes <= 0 || text.Length <= MaxDefinitionBytes / 3)
        {
            return null; // A UTF-16 char is at most 3 UTF-8 bytes: short texts need no counting.
        }

        var bytes = Encoding.UTF8.GetByteCount(text);
        return bytes <= MaxDefinitionBytes
            ? null
            : string.Create(CultureInfo.InvariantCulture,
                $"Definition too large: {bytes} bytes, the limit is {MaxDefinitionBytes} bytes. Split it, or change the limit with the configuration key {MaxDefinitionBytesKey}.");
    }

    /// <summary>The error when a workflow declares more than <see cref="MaxTasksPerWorkflow"/> tasks, or null.</summary>
    public string? CheckTaskCount(string workflowName, int tasks) =>
        MaxTasksPerWorkflow <= 0 || tasks <= MaxTasksPerWorkflow
            ? null
            : string.Create(CultureInfo.InvariantCulture,
                $"Too many tasks: workflow '{workflowName}' has {tasks}, the limit is {MaxTasksPerWorkflow}. Split it into sub-workflows, or change the limit with the configuration key {MaxTasksPerWorkflowKey}.");
}
