-- What the engine needs besides the API columns: the definition snapshot an execution runs
-- (Mistral keeps the spec on the execution too, so editing a workflow does not change running
-- executions), the kind of call an action row is (action or sub-workflow), and the item lists of
-- with-items tasks, stored once per task and never rewritten.
ALTER TABLE workflow_executions ADD COLUMN definition TEXT;
ALTER TABLE action_executions ADD COLUMN type TEXT NOT NULL DEFAULT 'ACTION';
-- runner: the server that dispatched the call (recovery after a crash only treats its own calls as
-- lost); runner_state: PENDING once a delegate action has handed its work to a third party, so it
-- is left waiting instead of being declared lost.
ALTER TABLE action_executions ADD COLUMN runner TEXT;
ALTER TABLE action_executions ADD COLUMN runner_state TEXT;
CREATE INDEX task_executions_name ON task_executions (workflow_execution_id, name);
CREATE INDEX task_executions_incomplete ON task_executions (workflow_execution_id, state);

CREATE TABLE task_items (
    task_execution_id TEXT PRIMARY KEY REFERENCES task_executions (id) ON DELETE CASCADE,
    variables TEXT NOT NULL,
    lists TEXT NOT NULL
);
