-- The checklist of a running release: every gate's result (automated and acknowledged), how its
-- migrations were classified, the schema version its artifact brings, the row counts of the
-- backup (validation compares them after migrating) and the read-only validation queries it names.
ALTER TABLE releases
    ADD COLUMN gates                 JSONB NOT NULL DEFAULT '[]',
    ADD COLUMN migration_kind        VARCHAR(10),
    ADD COLUMN target_schema_version VARCHAR(50),
    ADD COLUMN table_rows            JSONB,
    ADD COLUMN validation_queries    JSONB NOT NULL DEFAULT '[]';

-- The human items of the seed's checklist (team available, users told), one row each, first wins.
CREATE TABLE release_acknowledgements (
    release_id      UUID         NOT NULL REFERENCES releases (id),
    item            VARCHAR(50)  NOT NULL,
    acknowledged_by VARCHAR(200) NOT NULL,
    acknowledged_at TIMESTAMPTZ  NOT NULL,
    note            TEXT,
    PRIMARY KEY (release_id, item)
);
