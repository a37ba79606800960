using System.Globalization;
using Microsoft.Extensions.Configuration;
using Sirocco.Engine;
using Sirocco.Expressions;
using Sirocco.Language;

namespace Sirocco.Api.Hosting;

/// <summary>
/// Every resource limit of one server, read from the <c>Limits:*</c> configuration keys (command line
/// <c>--Limits:MaxTasksPerExecution=50000</c>, environment <c>SIROCCO_Limits__MaxTasksPerExecution</c>,
/// or <c>appsettings.json</c>). The table in docs/security.md lists them with their defaults.
/// </summary>
public sealed record ServerLimits
{
    /// <summary>Configuration key of <see cref="MaxRunningExecutions"/>.</summary>
    public const string MaxRunningExecutionsKey = "Limits:MaxRunningExecutions";

    /// <summary>Configuration key of <see cref="MaxRunningActions"/>.</summary>
    public const string MaxRunningActionsKey = "Limits:MaxRunningActions";

    /// <summary>Configuration key of <see cref="ExpressionOptions.MaxSteps"/>.</summary>
    public const string ExpressionMaxStepsKey = "Limits:ExpressionMaxSteps";

    /// <summary>Configuration key of <see cref="ExpressionOptions.MaxDepth"/>.</summary>
    public const string ExpressionMaxDepthKey = "Limits:ExpressionMaxDepth";

    /// <summary>Configuration key of <see cref="ExpressionOptions.MaxOutputLength"/>.</summary>
    public const string ExpressionMaxOutputLengthKey = "Limits:ExpressionMaxOutputLength";

    /// <summary>Configuration key of <see cref="JavaScriptTimeout"/>, in seconds.</summary>
    public const string JavaScriptTimeoutSecondsKey = "Limits:JavaScriptTimeoutSeconds";

    /// <summary>Configuration key of <see cref="JavaScriptMemoryBytes"/>.</summary>
    public const string JavaScriptMemoryBytesKey = "Limits:JavaScriptMemoryBytes";

    /// <summary>The defaults of every limit.</summary>
    public static ServerLimits Defaults { get; } = new();

    /// <summary>Limits the engine enforces while deciding: task count, with-items length, sub-workflow depth.</summary>
    public ExecutionLimits Execution { get; init; } = ExecutionLimits.Default;

    /// <summary>Limits on uploaded and validated definitions: size and tasks per workflow.</summary>
    public DefinitionLimits Definitions { get; init; } = DefinitionLimits.Default;

    /// <summary>
    /// Top-level executions in RUNNING at once; starting one more is refused with 429. Zero switches it off.
    /// Default 10,000. Sub-workflows do not count: refusing them would fail executions already running.
    /// </summary>
    public int MaxRunningExecutions { get; init; } = 10_000;

    /// <summary>Actions this server's runner runs at once (more wait in the queue). Default: the number of processors.</summary>
    public int MaxRunningActions { get; init; } = Environment.ProcessorCount;

    /// <summary>Evaluation limits of YAQL and Jinja expressions (steps, depth, output length); each must be positive.</summary>
    public ExpressionOptions Expressions { get; init; } = new();

    /// <summary>Wall-clock limit of one <c>std.javascript</c> run. Default 10 s.</summary>
    public TimeSpan JavaScriptTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Memory limit of one <c>std.javascript</c> run. Default 64 MiB.</summary>
    public long JavaScriptMemoryBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>Reads the limits; a key that is set but not an integer stops the server with a message naming it.</summary>
    public static ServerLimits From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var defaults = Defaults;
        var runningActions = Read(configuration, MaxRunningActionsKey, defaults.MaxRunningActions);
        if (runningActions < 1)
        {
            throw new InvalidOperationException($"{MaxRunningActionsKey} must be at least 1, got {runningActions}.");
        }

        return new ServerLimits
        {
            Execution = new ExecutionLimits
            {
                MaxTasksPerExecution = Read(configuration, ExecutionLimits.MaxTasksPerExecutionKey, ExecutionLimits.Default.MaxTasksPerExecution),
                MaxWithItemsLength = Read(configuration, ExecutionLimits.MaxWithItemsLengthKey, ExecutionLimits.Default.MaxWithItemsLength),
                MaxSubworkflowDepth = Read(configuration, ExecutionLimits.MaxSubworkflowDepthKey, ExecutionLimits.Default.MaxSubworkflowDepth),
            },
            Definitions = new DefinitionLimits
            {
                MaxDefinitionBytes = Read(configuration, DefinitionLimits.MaxDefinitionBytesKey, DefinitionLimits.Default.MaxDefinitionBytes),
                MaxTasksPerWorkflow = Read(configuration, DefinitionLimits.MaxTasksPerWorkflowKey, DefinitionLimits.Default.MaxTasksPerWorkflow),
            },
            MaxRunningExecutions = Read(configuration, MaxRunningExecutionsKey, defaults.MaxRunningExecutions),
            MaxRunningActions = runningActions,
            Expressions = new ExpressionOptions
            {
                MaxSteps = Positive(configuration, ExpressionMaxStepsKey, defaults.Expressions.MaxSteps),
                MaxDepth = Positive(configuration, ExpressionMaxDepthKey, defaults.Expressions.MaxDepth),
                MaxOutputLength = Positive(configuration, ExpressionMaxOutputLengthKey, defaults.Expressions.MaxOutputLength),
            },
            JavaScriptTimeout = TimeSpan.FromSeconds(Positive(configuration, JavaScriptTimeoutSecondsKey, (int)defaults.JavaScriptTimeout.TotalSeconds)),
            JavaScriptMemoryBytes = Positive(configuration, JavaScriptMemoryBytesKey, defaults.JavaScriptMemoryBytes),
        };
    }

    private static int Positive(IConfiguration configuration, string key, int fallback) => (int)Positive(configuration, key, (long)fallback, int.MaxValue);

    private static long Positive(IConfiguration configuration, string key, long fallback, long max = long.MaxValue) => configuration[key] switch
    {
        null or "" => fallback,
        var text when long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value > 0 && value <= max => value,
        var text => throw new InvalidOperationException($"Configuration {key} must be a positive integer, got '{text}'."),
    };

    private static int Read(IConfiguration configuration, string key, int fallback) => configuration[key] switch
    {
        null or "" => fallback,
        var text when int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) => value,
        var text => throw new InvalidOperationException($"Configuration {key} must be an integer, got '{text}'."),
    };
}
