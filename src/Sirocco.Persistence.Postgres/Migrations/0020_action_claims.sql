-- runner_state CLAIMED: a runner won the call's claim and may have started it. A call without safe-rerun
-- is published before it is marked SENT (delivery is at least once); only the runner whose claim wins
-- starts it, so a duplicate delivery (a re-send after an engine crash) never runs it twice.
-- claimed_by: the claiming runner's token, so that a runner retrying a claim whose answer was lost wins again.
ALTER TABLE action_executions ADD COLUMN claimed_by TEXT;
-- A call an older version marked SENT was marked before its hand-over and may have started on a runner that
-- did not claim: tag it, so that start-up recovery reports it lost rather than sending it again as never
-- started. It stays SENT, so a runner that takes it from a broker queue can still claim it.
UPDATE action_executions SET claimed_by = '(sent before claims)' WHERE state = 'RUNNING' AND runner_state = 'SENT';
-- Heartbeats and the silent-call check now cover CLAIMED calls as well as SENT ones.
DROP INDEX IF EXISTS action_executions_heartbeat;
CREATE INDEX action_executions_heartbeat ON action_executions (heartbeat_deadline) WHERE state = 'RUNNING' AND runner_state IN ('SENT', 'CLAIMED');
