using Sirocco.Engine.Events;
using Sirocco.Engine.Processing;
using Sirocco.Expressions.Values;
using Sirocco.Language.Model;

namespace Sirocco.Engine;

/// <summary>
/// The pure engine: <c>Decide(state, event) -> (changes, commands)</c>. It owns no threads, does no I/O
/// and reads the clock and ids only from the <see cref="DecisionContext"/>. One instance may serve every
/// execution concurrently (it holds nothing but a memo of derived contexts).
/// </summary>
public sealed class WorkflowEngine
{
    private readonly ContextCache _cache;

    public WorkflowEngine(ContextCache? cache = null) => _cache = cache ?? new ContextCache();

    /// <summary>Decides what follows <paramref name="event"/> for the execution <paramref name="state"/> describes.</summary>
    public Decision Decide(State.IExecutionState state, EngineEvent @event, DecisionContext context)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(@event);
        ArgumentNullException.ThrowIfNull(context);
        var session = new Session(state, context, _cache);
        switch (@event)
        {
            case StartWorkflow start:
                Starting.Start(session, start);
                break;
            case ActionCompleted completed:
                Results.OnActionCompleted(session, completed);
                break;
            case SubworkflowCompleted completed:
                Results.OnSubworkflowCompleted(session, completed);
                break;
            case TimerFired timer:
                Timers.OnTimer(session, timer);
                break;
            case PauseExecution pause:
                Lifecycle.Pause(session, pause.Message);
                break;
            case ResumeExecution resume:
                Lifecycle.Resume(session, resume.Env);
                break;
            case CancelExecution cancel:
                Lifecycle.Cancel(session, cancel.Message);
                break;
            case StopExecution stop:
                ForcedStop.Stop(session, stop);
                break;
            case UpdateExecution update:
                Lifecycle.Update(session, update);
                break;
            case RerunTask rerun:
                Lifecycle.Rerun(session, rerun);
                break;
            case ActionLost lost:
                Results.OnActionLost(session, lost);
                break;
            case ActionHeartbeat heartbeat:
                Policies.OnHeartbeat(session, heartbeat);
                break;
            default:
                throw new ArgumentException($"Unknown event {@event.GetType().Name}.", nameof(@event));
        }

        // Completion is checked once, after everything the event caused: a task that completes at once
        // (an empty with-items, a failed expression) must not end the workflow before its siblings exist.
        if (session.Execution is not null)
        {
            Completion.CheckAndComplete(session);
        }

        return session.ToDecision();
    }

    /// <summary>
    /// Mistral's input check: the error message for missing or unexpected inputs, or null when the input
    /// fits the declaration. Hosts call it before starting so they can refuse the request (exit code 2, HTTP 400).
    /// </summary>
    public static string? ValidateInput(WorkflowSpec workflow, DictValue input) => InputCheck.Validate(workflow, input);
}
