using Sirocco.Engine.DataFlow;
using Sirocco.Engine.Events;
using Sirocco.Engine.State;
using Sirocco.Expressions;
using Sirocco.Expressions.Values;
using Sirocco.Language.Model;

namespace Sirocco.Engine.Processing;

/// <summary>
/// <c>StartWorkflow</c>: checks the input, resolves the environment, evaluates <c>vars</c> and starts
/// the first tasks. A start that cannot proceed still creates the execution, in ERROR, so a sub-workflow's
/// parent learns why (top-level hosts check <see cref="InputCheck"/> first and refuse instead).
/// </summary>
internal static class Starting
{
    public static void Start(Session session, StartWorkflow start)
    {
        if (session.Execution is not null)
        {
            return; // Delivered twice: the execution already exists.
        }

        var spec = session.Spec;
        start = SplitSubworkflowInput(spec, start);
        var execution = new WorkflowExecution
        {
            Id = start.ExecutionId,
            WorkflowName = spec.Name,
            Description = start.Description ?? string.Empty,
            State = ExecutionState.Running,
            Input = InputCheck.WithDefaults(spec, start.Input),
            Params = start.Params,
            RootExecutionId = start.Parent?.RootExecutionId,
            TaskExecutionId = start.Parent?.TaskExecutionId,
            ParentExecutionId = start.Parent?.ParentExecutionId,
            Depth = start.Parent?.Depth ?? 0,
            CreatedAt = session.Now,
            UpdatedAt = session.Now,
        };
        session.CreateExecution(execution);

        var error = InputCheck.Validate(spec, start.Input) ?? ResolveEnvironment(session, ref execution);
        if (error is null)
        {
            session.CreateExecution(execution);
            error = EvaluateVars(session);
        }

        if (error is not null)
        {
            Completion.Fail(session, error, DictValue.Empty);
            return;
        }

        session.Emit(new Commands.Notify(execution.Id, "WORKFLOW_LAUNCHED", null, ExecutionState.Running));
        if (spec.Type == WorkflowType.Reverse)
        {
            ReverseFlow.Start(session);
        }
        else
        {
            foreach (var task in session.Plan.StartTasks)
            {
                TaskRunner.Run(session, task, []);
            }
        }
    }

    /// <summary>
    /// A sub-workflow task's input keys that the sub-workflow does not declare become its execution
    /// params (<c>task_name</c> of a reverse sub-workflow, <c>env</c>, ...), as Mistral's WorkflowAction does.
    /// </summary>
    private static StartWorkflow SplitSubworkflowInput(WorkflowSpec spec, StartWorkflow start)
    {
        if (start.Parent is null)
        {
            return start;
        }

        var declared = spec.Input.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        var input = new List<KeyValuePair<Value, Value>>();
        var parameters = start.Params;
        foreach (var (key, value) in start.Input)
        {
            if (declared.Contains(JsonValues.KeyText(key)))
            {
                input.Add(new(key, value));
            }
            else
            {
                parameters = parameters.With(key, value);
            }
        }

        return start with { Input = DictValue.From(input), Params = parameters, Description = start.Description ?? "sub-workflow execution" };
    }

    private static string? ResolveEnvironment(Session session, ref WorkflowExecution execution)
    {
        var env = execution.Params.Get("env");
        DictValue variables;
        switch (env)
        {
            case null or NullValue:
                return null;
            case DictValue inline:
                variables = inline;
                break;
            case StringValue name:
                var found = session.Context.Environments?.Find(name.Value);
                if (found is null)
                {
                    return $"Environment is not found: {name.Value}";
                }

                variables = found;
                break;
            default:
                return $"Unexpected value type for environment [env={env.ToText()}, type={env.Kind}]";
        }

        // Mistral evaluates the environment against itself unless evaluate_env is false.
        if (execution.Params.Get("evaluate_env") is not { } evaluateEnv || evaluateEnv.IsTruthy)
        {
            var context = new ExpressionContext(DictValue.From([new KeyValuePair<string, Value>("__env", variables)]));
            var evaluated = session.Context.Expressions.EvaluateDeep(variables, context);
            if (!evaluated.IsSuccess)
            {
                return Evaluation.Describe(evaluated.Error!);
            }

            variables = evaluated.Value as DictValue ?? variables;
        }

        execution = execution with { Params = execution.Params.With("env", variables) };
        return null;
    }

    private static string? EvaluateVars(Session session)
    {
        if (session.Spec.Vars.Count == 0)
        {
            return null;
        }

        var evaluated = session.Context.Expressions.EvaluateDeep(session.Spec.Vars, ExpressionScope.ForWorkflow(session, DictValue.Empty));
        if (!evaluated.IsSuccess)
        {
            return Evaluation.Describe(evaluated.Error!);
        }

        var execution = session.Workflow;
        session.CreateExecution(execution with { Context = DeepMerge.Merge(execution.Context, (DictValue)evaluated.Value!) });
        return null;
    }
}
