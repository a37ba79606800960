-- Definitions, environments and cron triggers. Times are microseconds since the Unix epoch
-- (INTEGER) so that the same SQL sorts and compares them in every dialect; JSON is TEXT.
CREATE TABLE workbooks (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    namespace TEXT NOT NULL DEFAULT '',
    project_id TEXT NOT NULL,
    scope TEXT NOT NULL,
    definition TEXT NOT NULL,
    tags TEXT,
    input TEXT,
    interface TEXT,
    description TEXT,
    workbook_name TEXT,
    is_system INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL,
    updated_at INTEGER,
    UNIQUE (name, namespace, project_id)
);
CREATE INDEX workbooks_created_at ON workbooks (created_at);

CREATE TABLE workflow_definitions (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    namespace TEXT NOT NULL DEFAULT '',
    project_id TEXT NOT NULL,
    scope TEXT NOT NULL,
    definition TEXT NOT NULL,
    tags TEXT,
    input TEXT,
    interface TEXT,
    description TEXT,
    workbook_name TEXT,
    is_system INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL,
    updated_at INTEGER,
    UNIQUE (name, namespace, project_id)
);
CREATE INDEX workflow_definitions_created_at ON workflow_definitions (created_at);

CREATE TABLE action_definitions (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    namespace TEXT NOT NULL DEFAULT '',
    project_id TEXT NOT NULL,
    scope TEXT NOT NULL,
    definition TEXT NOT NULL,
    tags TEXT,
    input TEXT,
    interface TEXT,
    description TEXT,
    workbook_name TEXT,
    is_system INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL,
    updated_at INTEGER,
    UNIQUE (name, namespace, project_id)
);
CREATE INDEX action_definitions_created_at ON action_definitions (created_at);

CREATE TABLE environments (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    description TEXT,
    variables TEXT NOT NULL,
    scope TEXT NOT NULL,
    project_id TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER,
    UNIQUE (name, project_id)
);

CREATE TABLE cron_triggers (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    pattern TEXT,
    first_execution_time INTEGER,
    next_execution_time INTEGER NOT NULL,
    remaining_executions INTEGER,
    workflow_name TEXT NOT NULL,
    workflow_id TEXT,
    workflow_input TEXT NOT NULL,
    workflow_params TEXT NOT NULL,
    scope TEXT NOT NULL,
    project_id TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER,
    UNIQUE (name, project_id)
);
CREATE INDEX cron_triggers_next ON cron_triggers (next_execution_time);
