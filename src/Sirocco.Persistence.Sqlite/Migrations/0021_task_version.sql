-- version: raised by every write of a task row, like workflow_executions.version. The engine keeps the tasks it
-- decided between events and trusts such a copy only while the row still holds the version it wrote, so a
-- chain's next event reads one number instead of the whole row of the task before it.
ALTER TABLE task_executions ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
