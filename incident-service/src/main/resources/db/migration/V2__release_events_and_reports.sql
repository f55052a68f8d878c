-- Release events consumed from fincafacil.release.events. processed_events drops redeliveries
-- (the outbox delivers at least once); release_events keeps each event so a deployment report is
-- rebuilt from all of a release's events, whatever order they arrived in.
CREATE TABLE processed_events (
    event_id     VARCHAR(100) PRIMARY KEY,
    topic        VARCHAR(200) NOT NULL,
    processed_at TIMESTAMPTZ  NOT NULL
);

CREATE TABLE release_events (
    event_id       VARCHAR(100) PRIMARY KEY,
    release_id     UUID         NOT NULL,
    type           VARCHAR(100) NOT NULL,
    state          VARCHAR(40),
    previous_state VARCHAR(40),
    at             TIMESTAMPTZ  NOT NULL,
    actor          VARCHAR(200),
    reason         TEXT,
    data           JSONB        NOT NULL
);
CREATE INDEX idx_release_events_release ON release_events (release_id, at);

-- One row per release: the figures a list filters on, recomputed from the events on every arrival.
CREATE TABLE deployments (
    release_id     UUID PRIMARY KEY,
    version        VARCHAR(64)  NOT NULL,
    kind           VARCHAR(20),
    environment    VARCHAR(60)  NOT NULL,
    status         VARCHAR(20)  NOT NULL,
    started_at     TIMESTAMPTZ  NOT NULL,
    finished_at    TIMESTAMPTZ,
    reached_production BOOLEAN  NOT NULL DEFAULT FALSE,
    updated_at     TIMESTAMPTZ  NOT NULL
);
CREATE INDEX idx_deployments_version ON deployments (version);
CREATE INDEX idx_deployments_started ON deployments (started_at);

-- The report's "Acciones post": follow-up actions operators add after a deployment.
CREATE TABLE follow_up_actions (
    id         UUID PRIMARY KEY,
    release_id UUID         NOT NULL REFERENCES deployments (release_id),
    text       VARCHAR(500) NOT NULL,
    owner      VARCHAR(200),
    due_date   DATE,
    added_by   VARCHAR(200) NOT NULL,
    added_at   TIMESTAMPTZ  NOT NULL
);
CREATE INDEX idx_follow_up_release ON follow_up_actions (release_id, added_at);

-- Incidents: opened by hand or by a release event (trigger), acknowledged, resolved.
ALTER TABLE incidents
    ADD COLUMN trigger         VARCHAR(30) NOT NULL DEFAULT 'MANUAL',
    ADD COLUMN release_id      UUID,
    ADD COLUMN status          VARCHAR(20) NOT NULL DEFAULT 'OPEN',
    ADD COLUMN acknowledged_at TIMESTAMPTZ,
    ADD COLUMN acknowledged_by VARCHAR(200),
    ADD COLUMN resolved_by     VARCHAR(200),
    ADD COLUMN resolution      VARCHAR(2000),
    ADD COLUMN overdue_announced_at TIMESTAMPTZ;
UPDATE incidents SET status = 'RESOLVED' WHERE resolved_at IS NOT NULL;
-- one automatic incident per release and trigger, however often its events arrive
CREATE UNIQUE INDEX uq_incidents_release_trigger ON incidents (release_id, trigger) WHERE release_id IS NOT NULL;
CREATE INDEX idx_incidents_postmortem_due ON incidents (postmortem_due);

CREATE TABLE incident_entries (
    id          UUID PRIMARY KEY,
    incident_id UUID         NOT NULL REFERENCES incidents (id),
    at          TIMESTAMPTZ  NOT NULL,
    kind        VARCHAR(40)  NOT NULL,
    actor       VARCHAR(200) NOT NULL,
    text        VARCHAR(2000) NOT NULL
);
CREATE INDEX idx_incident_entries_incident ON incident_entries (incident_id, at);

CREATE TABLE postmortems (
    incident_id          UUID PRIMARY KEY REFERENCES incidents (id),
    summary              VARCHAR(4000) NOT NULL,
    impact               VARCHAR(4000) NOT NULL,
    timeline             JSONB         NOT NULL,
    root_cause           VARCHAR(4000) NOT NULL,
    contributing_factors JSONB         NOT NULL,
    action_items         JSONB         NOT NULL,
    written_by           VARCHAR(200)  NOT NULL,
    written_at           TIMESTAMPTZ   NOT NULL
);
