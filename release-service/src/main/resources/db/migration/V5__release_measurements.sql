-- Every measurement the analysis took while a release was MONITORING: the check, its verdict,
-- the value against its threshold, and why.
CREATE TABLE release_measurements (
    id          BIGSERIAL PRIMARY KEY,
    release_id  UUID             NOT NULL REFERENCES releases (id),
    at          TIMESTAMPTZ      NOT NULL,
    check_name  VARCHAR(30)      NOT NULL,
    verdict     VARCHAR(15)      NOT NULL,
    value       DOUBLE PRECISION,
    threshold   DOUBLE PRECISION,
    detail      TEXT             NOT NULL
);
CREATE INDEX idx_release_measurements_release ON release_measurements (release_id, id);
