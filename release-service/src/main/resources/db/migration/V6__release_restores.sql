-- A disaster restore of a release's backup: when, by whom, and what happened to every table's
-- rows written after the backup (carried over, or kept in the failed database and listed).
ALTER TABLE releases ADD COLUMN restored_at TIMESTAMPTZ;
ALTER TABLE releases ADD COLUMN restored_by VARCHAR(200);
ALTER TABLE releases ADD COLUMN restore_report JSONB;
