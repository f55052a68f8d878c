-- incident-service's first schema: incidents opened by operators or from failed deployments.
CREATE TABLE incidents (
    id              UUID PRIMARY KEY,
    title           VARCHAR(200) NOT NULL,
    severity        VARCHAR(10)  NOT NULL CHECK (severity IN ('SEV1', 'SEV2', 'SEV3', 'SEV4')),
    release_version VARCHAR(64),
    opened_at       TIMESTAMPTZ  NOT NULL,
    opened_by       VARCHAR(200) NOT NULL,
    postmortem_due  TIMESTAMPTZ  NOT NULL,
    resolved_at     TIMESTAMPTZ
);
CREATE INDEX idx_incidents_opened_at ON incidents (opened_at);
