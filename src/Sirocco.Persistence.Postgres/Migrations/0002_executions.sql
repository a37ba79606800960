-- Executions. A task row holds only what the task adds (published variables, its own runtime
-- bookkeeping); its result lives in its action executions, one row per with-items item. So the
-- database grows by a bounded amount per task, never by a copy of the workflow context.
CREATE TABLE workflow_executions (
    id TEXT PRIMARY KEY,
    workflow_name TEXT NOT NULL,
    workflow_namespace TEXT NOT NULL DEFAULT '',
    workflow_id TEXT,
    description TEXT,
    state TEXT NOT NULL,
    state_info TEXT,
    input TEXT NOT NULL,
    output TEXT,
    params TEXT NOT NULL,
    engine_state TEXT,
    task_execution_id TEXT,
    root_execution_id TEXT,
    project_id TEXT NOT NULL,
    tags TEXT,
    version BIGINT NOT NULL DEFAULT 0,
    created_at BIGINT NOT NULL,
    updated_at BIGINT,
    finished_at BIGINT
);
CREATE INDEX workflow_executions_created_at ON workflow_executions (created_at);
CREATE INDEX workflow_executions_state ON workflow_executions (state, finished_at);
CREATE INDEX workflow_executions_parent ON workflow_executions (task_execution_id);

CREATE TABLE task_executions (
    id TEXT PRIMARY KEY,
    workflow_execution_id TEXT NOT NULL REFERENCES workflow_executions (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    type TEXT NOT NULL,
    state TEXT NOT NULL,
    state_info TEXT,
    published TEXT NOT NULL,
    runtime_context TEXT NOT NULL,
    engine_state TEXT,
    processed BOOLEAN NOT NULL DEFAULT FALSE,
    project_id TEXT NOT NULL,
    tags TEXT,
    created_at BIGINT NOT NULL,
    updated_at BIGINT,
    started_at BIGINT,
    finished_at BIGINT
);
CREATE INDEX task_executions_execution ON task_executions (workflow_execution_id, created_at);

CREATE TABLE action_executions (
    id TEXT PRIMARY KEY,
    task_execution_id TEXT REFERENCES task_executions (id) ON DELETE CASCADE,
    workflow_execution_id TEXT REFERENCES workflow_executions (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    item_index INT NOT NULL DEFAULT 0,
    state TEXT NOT NULL,
    state_info TEXT,
    accepted BOOLEAN NOT NULL DEFAULT FALSE,
    input TEXT NOT NULL,
    output TEXT,
    description TEXT,
    project_id TEXT NOT NULL,
    tags TEXT,
    created_at BIGINT NOT NULL,
    updated_at BIGINT
);
CREATE INDEX action_executions_task ON action_executions (task_execution_id, item_index);
CREATE INDEX action_executions_execution ON action_executions (workflow_execution_id);
CREATE INDEX action_executions_state ON action_executions (state);

-- Commands decided but not yet handed to the queue. Written in the same transaction as the state
-- change that produced them; marked dispatched after the hand-over.
CREATE TABLE outbox (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    execution_id TEXT,
    kind TEXT NOT NULL,
    payload TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    dispatched_at BIGINT
);
CREATE INDEX outbox_pending ON outbox (id) WHERE dispatched_at IS NULL;

-- Durable timers. A poller leases due rows (locked_until); the transaction that applies the
-- timer's event deletes the row, so a timer takes effect exactly once even if fired twice.
CREATE TABLE timers (
    id TEXT PRIMARY KEY,
    execution_id TEXT,
    kind TEXT NOT NULL,
    payload TEXT NOT NULL,
    due_at BIGINT NOT NULL,
    locked_until BIGINT,
    locked_by TEXT,
    created_at BIGINT NOT NULL
);
CREATE INDEX timers_due ON timers (due_at);

-- Append-only history of what happened to an execution, for the UI and audit.
CREATE TABLE execution_events (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    execution_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    payload TEXT,
    created_at BIGINT NOT NULL
);
CREATE INDEX execution_events_execution ON execution_events (execution_id, id);
