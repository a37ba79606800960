using Sirocco.Persistence.Durable;

namespace Sirocco.Persistence.Sql;

/// <summary>Column lists and row shapes of the runtime's tables.</summary>
internal static class DurableRows
{
    public const string ExecutionColumns = "id, workflow_name, workflow_namespace, workflow_id, description, state, state_info, input, output, params, definition, engine_state, task_execution_id, root_execution_id, project_id, tags, version, created_at, updated_at, finished_at";

    /// <summary>Execution columns without the definition snapshot, which the hot path does not need.</summary>
    public const string ExecutionStateColumns = "id, workflow_name, workflow_namespace, workflow_id, description, state, state_info, input, output, params, engine_state, task_execution_id, root_execution_id, project_id, tags, version, created_at, updated_at, finished_at";

    public const string TaskColumns = "id, workflow_execution_id, name, type, state, state_info, published, runtime_context, engine_state, processed, project_id, tags, created_at, updated_at, started_at, finished_at";

    public const string ActionColumns = "id, task_execution_id, workflow_execution_id, name, type, item_index, state, state_info, accepted, input, output, description, project_id, created_at, updated_at, runner";

    public static object Parameters(StoredExecution e) => new
    {
        e.Id,
        e.WorkflowName,
        e.WorkflowNamespace,
        e.WorkflowId,
        e.Description,
        e.State,
        e.StateInfo,
        Input = e.InputJson,
        Output = e.OutputJson,
        Params = e.ParamsJson,
        Definition = e.DefinitionText,
        EngineState = e.EngineStateJson,
        e.TaskExecutionId,
        e.RootExecutionId,
        e.ProjectId,
        Tags = JsonText.FromList(e.Tags),
        CreatedAt = Micros.From(e.CreatedAt),
        UpdatedAt = Micros.From(e.UpdatedAt),
        FinishedAt = Micros.From(e.FinishedAt),
    };

    public static object Parameters(StoredTask t) => new
    {
        t.Id,
        t.WorkflowExecutionId,
        t.Name,
        t.Type,
        t.State,
        t.StateInfo,
        Published = t.PublishedJson,
        RuntimeContext = t.RuntimeContextJson,
        EngineState = t.EngineStateJson,
        t.Processed,
        t.ProjectId,
        Tags = JsonText.FromList(t.Tags),
        CreatedAt = Micros.From(t.CreatedAt),
        UpdatedAt = Micros.From(t.UpdatedAt),
        StartedAt = Micros.From(t.StartedAt),
        FinishedAt = Micros.From(t.FinishedAt),
    };

    public static object Parameters(StoredAction a) => new
    {
        a.Id,
        a.TaskExecutionId,
        a.WorkflowExecutionId,
        a.Name,
        a.Type,
        a.ItemIndex,
        a.State,
        a.StateInfo,
        a.Accepted,
        Input = a.InputJson,
        Output = a.OutputJson,
        a.Description,
        a.ProjectId,
        CreatedAt = Micros.From(a.CreatedAt),
        UpdatedAt = Micros.From(a.UpdatedAt),
        a.Runner,
    };

    internal sealed class ExecutionRow
    {
        public string Id { get; set; } = "";

        public string WorkflowName { get; set; } = "";

        public string WorkflowNamespace { get; set; } = "";

        public string? WorkflowId { get; set; }

        public string? Description { get; set; }

        public string State { get; set; } = "";

        public string? StateInfo { get; set; }

        public string Input { get; set; } = "{}";

        public string? Output { get; set; }

        public string Params { get; set; } = "{}";

        public string? Definition { get; set; }

        public string? EngineState { get; set; }

        public string? TaskExecutionId { get; set; }

        public string? RootExecutionId { get; set; }

        public string ProjectId { get; set; } = "";

        public string? Tags { get; set; }

        public long Version { get; set; }

        public long CreatedAt { get; set; }

        public long? UpdatedAt { get; set; }

        public long? FinishedAt { get; set; }

        public StoredExecution ToStored() => new()
        {
            Id = Id,
            WorkflowName = WorkflowName,
            WorkflowNamespace = WorkflowNamespace,
            WorkflowId = WorkflowId,
            Description = Description,
            State = State,
            StateInfo = StateInfo,
            InputJson = Input,
            OutputJson = Output,
            ParamsJson = Params,
            DefinitionText = Definition,
            EngineStateJson = EngineState,
            TaskExecutionId = TaskExecutionId,
            RootExecutionId = RootExecutionId,
            ProjectId = ProjectId,
            Tags = JsonText.ToList(Tags),
            Version = Version,
            CreatedAt = Micros.To(CreatedAt),
            UpdatedAt = Micros.To(UpdatedAt),
            FinishedAt = Micros.To(FinishedAt),
        };
    }

    internal sealed class TaskRow
    {
        public string Id { get; set; } = "";

        public string WorkflowExecutionId { get; set; } = "";

        public string Name { get; set; } = "";

        public string Type { get; set; } = "";

        public string State { get; set; } = "";

        public string? StateInfo { get; set; }

        public string Published { get; set; } = "{}";

        public string RuntimeContext { get; set; } = "{}";

        public string? EngineState { get; set; }

        public bool Processed { get; set; }

        public string ProjectId { get; set; } = "";

        public string? Tags { get; set; }

        public long CreatedAt { get; set; }

        public long? UpdatedAt { get; set; }

        public long? StartedAt { get; set; }

        public long? FinishedAt { get; set; }

        public StoredTask ToStored() => new()
        {
            Id = Id,
            WorkflowExecutionId = WorkflowExecutionId,
            Name = Name,
            Type = Type,
            State = State,
            StateInfo = StateInfo,
            PublishedJson = Published,
            RuntimeContextJson = RuntimeContext,
            EngineStateJson = EngineState,
            Processed = Processed,
            ProjectId = ProjectId,
            Tags = JsonText.ToList(Tags),
            CreatedAt = Micros.To(CreatedAt),
            UpdatedAt = Micros.To(UpdatedAt),
            StartedAt = Micros.To(StartedAt),
            FinishedAt = Micros.To(FinishedAt),
        };
    }

    internal sealed class ActionRow
    {
        public string Id { get; set; } = "";

        public string? TaskExecutionId { get; set; }

        public string? WorkflowExecutionId { get; set; }

        public string Name { get; set; } = "";

        public string Type { get; set; } = "ACTION";

        public long ItemIndex { get; set; }

        public string State { get; set; } = "";

        public string? StateInfo { get; set; }

        public bool Accepted { get; set; }

        public string Input { get; set; } = "{}";

        public string? Output { get; set; }

        public string? Description { get; set; }

        public string ProjectId { get; set; } = "";

        public long CreatedAt { get; set; }

        public long? UpdatedAt { get; set; }

        public string? Runner { get; set; }

        public StoredAction ToStored() => new()
        {
            Id = Id,
            TaskExecutionId = TaskExecutionId,
            WorkflowExecutionId = WorkflowExecutionId,
            Name = Name,
            Type = Type,
            ItemIndex = (int)ItemIndex,
            State = State,
            StateInfo = StateInfo,
            Accepted = Accepted,
            InputJson = Input,
            OutputJson = Output,
            Description = Description,
            ProjectId = ProjectId,
            CreatedAt = Micros.To(CreatedAt),
            UpdatedAt = Micros.To(UpdatedAt),
            Runner = Runner,
        };
    }

    internal sealed class OutboxRow
    {
        public long Id { get; set; }

        public string? ExecutionId { get; set; }

        public string Kind { get; set; } = "";

        public string Payload { get; set; } = "";

        public long CreatedAt { get; set; }

        public OutboxMessage ToMessage() => new(Id, ExecutionId, Kind, Payload, Micros.To(CreatedAt));
    }

    internal sealed class TimerRow
    {
        public string Id { get; set; } = "";

        public string? ExecutionId { get; set; }

        public string Kind { get; set; } = "";

        public string Payload { get; set; } = "";

        public long DueAt { get; set; }

        public DurableTimer ToTimer() => new(Id, ExecutionId, Kind, Payload, Micros.To(DueAt));
    }

    internal sealed class EventRow
    {
        public long Id { get; set; }

        public string ExecutionId { get; set; } = "";

        public string Kind { get; set; } = "";

        public string? Payload { get; set; }

        public long CreatedAt { get; set; }

        public ExecutionEvent ToEvent() => new(Id, ExecutionId, Kind, Payload, Micros.To(CreatedAt));
    }
}
