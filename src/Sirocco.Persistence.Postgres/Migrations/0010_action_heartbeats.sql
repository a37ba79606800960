-- runner_state SENT: the call was (or is about to be) handed to a runner, so it may have started.
-- A call of a task without safe-rerun is marked SENT in a commit of its own *before* the hand-over;
-- a call still unmarked was never handed over and may be sent (again) freely. Recovery and the
-- heartbeat monitor only ever treat SENT calls as lost.
-- heartbeat_deadline: microseconds since the epoch after which a SENT call without news from its
-- runner is lost (first the grace for the first heartbeat, then one heartbeat timeout per heartbeat).
ALTER TABLE action_executions ADD COLUMN heartbeat_deadline BIGINT;
-- Calls an older version dispatched carry no mark: take them as SENT (they may have started), and
-- stop re-sending their outbox rows, so that a call without safe-rerun never runs twice.
UPDATE action_executions SET runner_state = 'SENT' WHERE state = 'RUNNING' AND type = 'ACTION' AND runner_state IS NULL;
UPDATE outbox SET dispatched_at = created_at WHERE dispatched_at IS NULL AND kind = 'RunAction';
CREATE INDEX action_executions_heartbeat ON action_executions (heartbeat_deadline) WHERE state = 'RUNNING' AND runner_state = 'SENT';
