-- Go-live drills (./fincafacil drill): each run's outcome and report. The release gate
-- `last_drill` reads the latest.
CREATE TABLE drills (
    id          UUID          PRIMARY KEY,
    version     VARCHAR(100)  NOT NULL,
    fault       VARCHAR(20)   NOT NULL,
    passed      BOOLEAN       NOT NULL,
    started_at  TIMESTAMPTZ   NOT NULL,
    finished_at TIMESTAMPTZ   NOT NULL,
    recorded_by VARCHAR(200)  NOT NULL,
    recorded_at TIMESTAMPTZ   NOT NULL,
    report      JSONB         NOT NULL
);
CREATE INDEX idx_drills_finished ON drills (finished_at DESC);
