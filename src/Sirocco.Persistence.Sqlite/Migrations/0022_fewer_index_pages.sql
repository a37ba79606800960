-- Fewer index pages written per commit. A chain task's commit wrote about 20 pages to the log; five of them were
-- index pages that only the rare queries of start-up recovery or of a whole execution needed (docs/benchmarks.md).
--
-- Actions by state: only running actions are ever looked up by state (recovery, per runner). Indexed alone, their
-- few entries share a page, so starting one action and completing another touch one index page, not two (the
-- RUNNING and SUCCESS ends of an index of every action's state).
DROP INDEX action_executions_state;
CREATE INDEX action_executions_running ON action_executions (runner) WHERE state = 'RUNNING';

-- Incomplete tasks: the engine counts them (with this very condition) to decide whether an execution is done.
DROP INDEX task_executions_incomplete;
CREATE INDEX task_executions_incomplete ON task_executions (workflow_execution_id) WHERE state NOT IN ('SUCCESS', 'ERROR', 'CANCELLED');

-- The tasks of an execution are found through task_executions_name (workflow_execution_id, name) and sorted by
-- creation there: an execution holds few tasks (its with-items items are actions), and no query needs a second
-- index ordered by creation.
DROP INDEX task_executions_execution;
