using System.Text.Json;
using Sirocco.Engine.Commands;
using Sirocco.Engine.Events;
using Sirocco.Engine.State;
using Sirocco.Expressions.Values;

namespace Sirocco.Persistence.Execution;

/// <summary>
/// Engine commands as outbox rows: the kind is the command's type name, the payload a JSON object
/// with Mistral-style snake_case fields, so recovery can rebuild the command after a restart.
/// </summary>
public static class CommandCodec
{
    /// <summary>Serializes a command for the outbox.</summary>
    public static (string Kind, string PayloadJson) Encode(EngineCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var payload = Json.Write(w =>
        {
            w.WriteStartObject();
            switch (command)
            {
                case RunAction r:
                    w.WriteString("action_execution_id", r.ActionExecutionId);
                    w.WriteString("task_execution_id", r.TaskExecutionId);
                    w.WriteString("execution_id", r.ExecutionId);
                    w.WriteString("action_name", r.ActionName);
                    w.WriteValue("input", r.Input);
                    w.WriteString("target", r.Target);
                    w.WriteBoolean("safe_rerun", r.SafeRerun);
                    w.WriteNumber("index", r.Index);
                    break;
                case StartSubworkflow s:
                    w.WriteString("child_execution_id", s.ChildExecutionId);
                    w.WriteString("workflow_name", s.WorkflowName);
                    w.WriteValue("input", s.Input);
                    w.WriteValue("params", s.Params);
                    w.WriteString("parent_execution_id", s.Parent.ParentExecutionId);
                    w.WriteString("task_execution_id", s.Parent.TaskExecutionId);
                    w.WriteString("root_execution_id", s.Parent.RootExecutionId);
                    w.WriteNumber("depth", s.Parent.Depth);
                    w.WriteString("description", s.Description);
                    break;
                case NotifyParent n:
                    w.WriteString("parent_execution_id", n.ParentExecutionId);
                    w.WriteString("child_execution_id", n.ChildExecutionId);
                    w.WriteString("state", n.State.ToMistral());
                    w.WriteValue("output", n.Output);
                    w.WriteString("state_info", n.StateInfo);
                    break;
                case CompleteExecution c:
                    w.WriteString("execution_id", c.ExecutionId);
                    w.WriteString("state", c.State.ToMistral());
                    w.WriteString("state_info", c.StateInfo);
                    break;
                case Notify n:
                    w.WriteString("execution_id", n.ExecutionId);
                    w.WriteString("event_name", n.EventName);
                    w.WriteString("task_execution_id", n.TaskExecutionId);
                    w.WriteString("state", n.State.ToMistral());
                    break;
                case CancelAction c:
                    w.WriteString("action_execution_id", c.ActionExecutionId);
                    w.WriteString("execution_id", c.ExecutionId);
                    break;
                case SignalSubworkflow s:
                    w.WriteString("child_execution_id", s.ChildExecutionId);
                    w.WriteString("signal", s.Event.GetType().Name);
                    switch (s.Event)
                    {
                        case PauseExecution p:
                            w.WriteString("message", p.Message);
                            break;
                        case CancelExecution c:
                            w.WriteString("message", c.Message);
                            break;
                        case ResumeExecution { Env: { } env }:
                            w.WriteValue("env", env);
                            break;
                    }

                    break;
                default:
                    throw new ArgumentException($"Command {command.GetType().Name} does not go through the outbox.", nameof(command));
            }

            w.WriteEndObject();
        });
        return (command.GetType().Name, payload);
    }

    /// <summary>Rebuilds a command from its outbox row.</summary>
    public static EngineCommand Decode(string kind, string payloadJson)
    {
        using var document = JsonDocument.Parse(payloadJson);
        var p = document.RootElement;
        return kind switch
        {
            nameof(RunAction) => new RunAction(p.RequiredString("action_execution_id"), p.RequiredString("task_execution_id"), p.RequiredString("execution_id"), p.RequiredString("action_name"), Json.Dict(p.GetProperty("input")))
            {
                Target = p.OptionalString("target"),
                SafeRerun = p.OptionalBool("safe_rerun"),
                Index = p.OptionalInt("index"),
            },
            nameof(StartSubworkflow) => new StartSubworkflow(
                p.RequiredString("child_execution_id"),
                p.RequiredString("workflow_name"),
                Json.Dict(p.GetProperty("input")),
                Json.Dict(p.GetProperty("params")),
                new SubworkflowLink(p.RequiredString("parent_execution_id"), p.RequiredString("task_execution_id"), p.RequiredString("root_execution_id"))
                {
                    Depth = Math.Max(1, p.OptionalInt("depth")),
                })
            {
                Description = p.OptionalString("description"),
            },
            nameof(NotifyParent) => new NotifyParent(p.RequiredString("parent_execution_id"), p.RequiredString("child_execution_id"), EngineRows.ParseState(p.RequiredString("state")), Json.Dict(p.GetProperty("output")), p.OptionalString("state_info")),
            nameof(CompleteExecution) => new CompleteExecution(p.RequiredString("execution_id"), EngineRows.ParseState(p.RequiredString("state")), p.OptionalString("state_info")),
            nameof(Notify) => new Notify(p.RequiredString("execution_id"), p.RequiredString("event_name"), p.OptionalString("task_execution_id"), EngineRows.ParseState(p.RequiredString("state"))),
            nameof(CancelAction) => new CancelAction(p.RequiredString("action_execution_id"), p.RequiredString("execution_id")),
            nameof(SignalSubworkflow) => DecodeSignal(p),
            _ => throw new PersistenceException($"Unknown outbox command kind '{kind}'"),
        };
    }

    private static SignalSubworkflow DecodeSignal(JsonElement p)
    {
        var child = p.RequiredString("child_execution_id");
        EngineEvent signal = p.RequiredString("signal") switch
        {
            nameof(PauseExecution) => new PauseExecution(child, p.OptionalString("message")),
            nameof(CancelExecution) => new CancelExecution(child, p.OptionalString("message")),
            nameof(ResumeExecution) => new ResumeExecution(child, p.TryGetProperty("env", out var env) ? Json.Dict(env) : null),
            var other => throw new PersistenceException($"Unknown sub-workflow signal '{other}'"),
        };
        return new SignalSubworkflow(child, signal);
    }
}
