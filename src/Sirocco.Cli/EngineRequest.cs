using System.Text.Json;
using Sirocco.Engine.Events;
using Sirocco.Engine.State;
using Sirocco.Expressions.Values;
using Sirocco.Persistence.Execution;

namespace Sirocco.Cli;

/// <summary>
/// The wire form of an API node's request to the engines: one engine event (and, for a start, the definition
/// snapshot) as plain JSON. Values travel as JSON text; unknown fields are ignored, so fields can be added.
/// </summary>
internal sealed class EngineRequest
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string Kind { get; set; } = "";

    public string ExecutionId { get; set; } = "";

    public string? Input { get; set; }

    public string? Params { get; set; }

    public string? Description { get; set; }

    public string? Message { get; set; }

    public string? Env { get; set; }

    public string? TaskExecutionId { get; set; }

    public bool Reset { get; set; }

    public string? ActionExecutionId { get; set; }

    public string? State { get; set; }

    public string? Output { get; set; }

    public ExecutionOrigin? Origin { get; set; }

    public static byte[] Encode(EngineEvent @event, ExecutionOrigin? origin)
    {
        var request = @event switch
        {
            StartWorkflow s => new EngineRequest { Kind = "start", Input = JsonValues.ToJson(s.Input), Params = JsonValues.ToJson(s.Params), Description = s.Description, Origin = origin },
            PauseExecution p => new EngineRequest { Kind = "pause", Message = p.Message },
            ResumeExecution r => new EngineRequest { Kind = "resume", Env = r.Env is null ? null : JsonValues.ToJson(r.Env) },
            CancelExecution c => new EngineRequest { Kind = "cancel", Message = c.Message },
            RerunTask t => new EngineRequest { Kind = "rerun", TaskExecutionId = t.TaskExecutionId, Reset = t.Reset, Env = t.Env is null ? null : JsonValues.ToJson(t.Env) },
            ActionCompleted a => new EngineRequest { Kind = "complete", ActionExecutionId = a.ActionExecutionId, State = a.Outcome.State.ToMistral(), Output = JsonValues.ToJson(a.Outcome.Value) },
            _ => throw new ArgumentException($"{@event.GetType().Name} is not sent by the API", nameof(@event)),
        };
        request.ExecutionId = @event.ExecutionId;
        return JsonSerializer.SerializeToUtf8Bytes(request, Json);
    }

    public static EngineRequest Decode(byte[] body) =>
        JsonSerializer.Deserialize<EngineRequest>(body, Json) ?? throw new JsonException("the request is JSON null");

    /// <summary>The engine event this request carries.</summary>
    public EngineEvent ToEvent() => Kind switch
    {
        "start" => new StartWorkflow(ExecutionId, Dict(Input), Dict(Params), Description),
        "pause" => new PauseExecution(ExecutionId, Message),
        "resume" => new ResumeExecution(ExecutionId, Env is null ? null : Dict(Env)),
        "cancel" => new CancelExecution(ExecutionId, Message),
        "rerun" => new RerunTask(ExecutionId, TaskExecutionId ?? "", Reset, Env is null ? null : Dict(Env)),
        "complete" => new ActionCompleted(ExecutionId, ActionExecutionId ?? "", Outcome()),
        _ => throw new JsonException($"unknown engine request kind '{Kind}'"),
    };

    private ActionOutcome Outcome()
    {
        var value = Output is null ? Value.Null : JsonValues.Parse(Output);
        return State switch
        {
            "SUCCESS" => ActionOutcome.Success(value),
            "ERROR" => ActionOutcome.Failure(value),
            "CANCELLED" => ActionOutcome.Cancelled(value),
            _ => throw new JsonException($"not a final action state: '{State}'"),
        };
    }

    private static DictValue Dict(string? json) => json is null ? DictValue.Empty : JsonValues.Parse(json) as DictValue ?? DictValue.Empty;
}
