using Sirocco.Persistence.Durable;
using static Sirocco.Persistence.Sql.SqlParameter;

namespace Sirocco.Persistence.Sql;

/// <summary>Column lists and row shapes of the runtime's tables.</summary>
internal static class DurableRows
{
    public const string ExecutionColumns = "id, workflow_name, workflow_namespace, workflow_id, description, state, state_info, input, output, params, definition, engine_state, task_execution_id, root_execution_id, project_id, tags, version, created_at, updated_at, finished_at";

    /// <summary>Execution columns without the definition snapshot, which the hot path does not need.</summary>
    public const string ExecutionStateColumns = "id, workflow_name, workflow_namespace, workflow_id, description, state, state_info, input, output, params, engine_state, task_execution_id, root_execution_id, project_id, tags, version, created_at, updated_at, finished_at";

    public const string TaskColumns = "id, workflow_execution_id, name, type, state, state_info, published, runtime_context, engine_state, processed, project_id, tags, created_at, updated_at, started_at, finished_at, version";

    public const string ActionColumns = "id, task_execution_id, workflow_execution_id, name, type, item_index, state, state_info, accepted, input, output, description, project_id, created_at, updated_at, runner";

    // Parameter order follows the column lists; names are the column names in PascalCase, as the upserts use them.
    public static SqlParameter[] Parameters(StoredExecution e) =>
    [
        Text("@Id", e.Id),
        Text("@WorkflowName", e.WorkflowName),
        Text("@WorkflowNamespace", e.WorkflowNamespace),
        Text("@WorkflowId", e.WorkflowId),
        Text("@Description", e.Description),
        Text("@State", e.State),
        Text("@StateInfo", e.StateInfo),
        Text("@Input", e.InputJson),
        Text("@Output", e.OutputJson),
        Text("@Params", e.ParamsJson),
        Text("@Definition", e.DefinitionText),
        Text("@EngineState", e.EngineStateJson),
        Text("@TaskExecutionId", e.TaskExecutionId),
        Text("@RootExecutionId", e.RootExecutionId),
        Text("@ProjectId", e.ProjectId),
        Text("@Tags", JsonText.FromList(e.Tags)),
        Int("@CreatedAt", Micros.From(e.CreatedAt)),
        Int("@UpdatedAt", Micros.From(e.UpdatedAt)),
        Int("@FinishedAt", Micros.From(e.FinishedAt)),
    ];

    public static SqlParameter[] Parameters(StoredTask t) =>
    [
        Text("@Id", t.Id),
        Text("@WorkflowExecutionId", t.WorkflowExecutionId),
        Text("@Name", t.Name),
        Text("@Type", t.Type),
        Text("@State", t.State),
        Text("@StateInfo", t.StateInfo),
        Text("@Published", t.PublishedJson),
        Text("@RuntimeContext", t.RuntimeContextJson),
        Text("@EngineState", t.EngineStateJson),
        Bool("@Processed", t.Processed),
        Text("@ProjectId", t.ProjectId),
        Text("@Tags", JsonText.FromList(t.Tags)),
        Int("@CreatedAt", Micros.From(t.CreatedAt)),
        Int("@UpdatedAt", Micros.From(t.UpdatedAt)),
        Int("@StartedAt", Micros.From(t.StartedAt)),
        Int("@FinishedAt", Micros.From(t.FinishedAt)),
    ];

    public static SqlParameter[] Parameters(StoredAction a) =>
    [
        Text("@Id", a.Id),
        Text("@TaskExecutionId", a.TaskExecutionId),
        Text("@WorkflowExecutionId", a.WorkflowExecutionId),
        Text("@Name", a.Name),
        Text("@Type", a.Type),
        Int("@ItemIndex", a.ItemIndex),
        Text("@State", a.State),
        Text("@StateInfo", a.StateInfo),
        Bool("@Accepted", a.Accepted),
        Text("@Input", a.InputJson),
        Text("@Output", a.OutputJson),
        Text("@Description", a.Description),
        Text("@ProjectId", a.ProjectId),
        Int("@CreatedAt", Micros.From(a.CreatedAt)),
        Int("@UpdatedAt", Micros.From(a.UpdatedAt)),
        Text("@Runner", a.Runner),
    ];

    // The update statements' parameters, in their order: what the engine changes after creation, then the key.
    private static readonly string[] TaskUpdateNames = ["@State", "@StateInfo", "@Published", "@RuntimeContext", "@EngineState", "@Processed", "@UpdatedAt", "@StartedAt", "@FinishedAt", "@Id"];
    private static readonly string[] ActionUpdateNames = ["@State", "@StateInfo", "@Accepted", "@Output", "@UpdatedAt", "@Id"];

    /// <summary>The parameters of the task updates (<see cref="TaskUpdateNames"/>).</summary>
    public static SqlParameter[] UpdateParameters(StoredTask t) => Pick(Parameters(t), TaskUpdateNames);

    /// <summary>The parameters of the action update (<see cref="ActionUpdateNames"/>).</summary>
    public static SqlParameter[] UpdateParameters(StoredAction a) => Pick(Parameters(a), ActionUpdateNames);

    private static SqlParameter[] Pick(SqlParameter[] all, string[] names)
    {
        var picked = new SqlParameter[names.Length];
        for (var i = 0; i < names.Length; i++)
        {
            picked[i] = all.First(p => p.Name == names[i]);
        }

        return picked;
    }

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

        public long Version { get; set; }

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
            Version = Version,
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
