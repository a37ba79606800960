using Sirocco.Expressions.Yaql.Library;

namespace Sirocco.Expressions.Yaql.Runtime;

/// <summary>The state of one evaluation: limits counters and what the functions can reach. Never shared.</summary>
internal sealed class EvalContext(YaqlOptions options, FunctionRegistry library, IWorkflowState? workflow)
{
    private long _steps;
    private int _depth;

    public YaqlOptions Options { get; } = options;

    public FunctionRegistry Library { get; } = library;

    public IWorkflowState? Workflow { get; } = workflow;

    public void Step()
    {
        if (++_steps > Options.MaxSteps)
        {
            throw new YaqlException("limit", $"Expression exceeded the limit of {Options.MaxSteps} evaluation steps");
        }
    }

    public void Enter()
    {
        if (++_depth > Options.MaxDepth)
        {
            throw new YaqlException("limit", $"Expression exceeded the recursion depth limit of {Options.MaxDepth}");
        }
    }

    public void Leave() => _depth--;

    public void CheckSize(long size)
    {
        if (size > Options.MaxOutputSize)
        {
            throw new YaqlException("limit", $"Expression produced a value larger than the limit of {Options.MaxOutputSize} items");
        }
    }
}
