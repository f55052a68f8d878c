-- Running a release: when it started (and the hotfix reason, if it bypassed the window), which
-- slot it goes to and from, its backup, and when its monitoring ends. One release runs at a
-- time: a unique index over the releases that started and have not ended.
ALTER TABLE releases
    ADD COLUMN started_at       TIMESTAMPTZ,
    ADD COLUMN started_by       VARCHAR(200),
    ADD COLUMN hotfix_reason    TEXT,
    ADD COLUMN from_slot        VARCHAR(10),
    ADD COLUMN to_slot          VARCHAR(10),
    ADD COLUMN backup_path      TEXT,
    ADD COLUMN monitoring_until TIMESTAMPTZ;
CREATE UNIQUE INDEX uq_one_release_running ON releases ((true))
    WHERE started_at IS NOT NULL AND state NOT IN ('COMPLETED', 'ROLLED_BACK', 'FAILED');
