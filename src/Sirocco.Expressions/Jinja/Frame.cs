using Sirocco.Expressions.Values;

namespace Sirocco.Expressions.Jinja;

/// <summary>
/// The state of one evaluation: the variables in scope, the workflow being evaluated for and the
/// counters that enforce <see cref="ExpressionOptions"/>. A fresh frame per call keeps parsed trees immutable and shareable.
/// </summary>
internal sealed class Frame
{
    private readonly List<Dictionary<string, Value>> _scopes = [];
    private int _steps;
    private int _depth;

    public Frame(ExpressionContext context, ExpressionOptions options)
    {
        Data = context.Data;
        Workflow = context.Workflow;
        Options = options;
    }

    public Value Data { get; }

    public IWorkflowState? Workflow { get; }

    public ExpressionOptions Options { get; }

    public void Step()
    {
        if (++_steps > Options.MaxSteps)
        {
            throw new JinjaException(ErrorCategories.Limit, $"Expression exceeded the step limit ({Options.MaxSteps}).");
        }
    }

    public void Step(int count)
    {
        _steps += count;
        Step();
    }

    public void Enter()
    {
        System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();
        if (++_depth > Options.MaxDepth)
        {
            throw new JinjaException(ErrorCategories.Limit, $"Expression exceeded the depth limit ({Options.MaxDepth}).");
        }
    }

    public void Exit() => _depth--;

    /// <summary>Fails when a built string or list would exceed the output limit.</summary>
    public void CheckSize(long length)
    {
        if (length > Options.MaxOutputLength)
        {
            throw new JinjaException(
                ErrorCategories.Limit, $"Expression result exceeded the output size limit ({Options.MaxOutputLength}).");
        }
    }

    public void PushScope() => _scopes.Add(new Dictionary<string, Value>(StringComparer.Ordinal));

    public void PopScope() => _scopes.RemoveAt(_scopes.Count - 1);

    public void Assign(string name, Value value)
    {
        if (_scopes.Count == 0)
        {
            PushScope();
        }

        _scopes[^1][name] = value;
    }

    /// <summary>Template variables, then Mistral's context (<c>_</c>, its functions), then Jinja's globals.</summary>
    public Value Lookup(string name)
    {
        for (var i = _scopes.Count - 1; i >= 0; i--)
        {
            if (_scopes[i].TryGetValue(name, out var local))
            {
                return local;
            }
        }

        switch (name)
        {
            case "_":
                return Data;
            case "__env" or "__execution" or "__task_execution" when Data is DictValue dict:
                // Mistral copies these three keys of the data context into the Jinja context when the data is a dict.
                return dict.Get(name) ?? Value.Null;
        }

        return MistralGlobals.Lookup(name, Data) ?? Globals.Lookup(name) ?? Undefined.Named(name);
    }
}
