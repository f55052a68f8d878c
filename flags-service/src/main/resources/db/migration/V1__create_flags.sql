-- flags-service's store: flag definitions (both kinds of the seed's file), their audit log,
-- scheduled changes, and the outbox that carries change events to Kafka.
CREATE TABLE flags (
    key                VARCHAR(100) PRIMARY KEY,
    kind               VARCHAR(10)  NOT NULL CHECK (kind IN ('FASE', 'ALERTA')),
    habilitado         BOOLEAN      NOT NULL,
    -- FASE flags: levels in the file's order, comma separated
    niveles            VARCHAR(200),
    porcentaje_rollout INTEGER CHECK (porcentaje_rollout BETWEEN 0 AND 100),
    version_minima     VARCHAR(64),
    notas              TEXT,
    -- ALERTA flags
    nivel_minimo       VARCHAR(30),
    -- the flag's place in the exported file, so an export reproduces an imported file
    position           INTEGER      NOT NULL,
    -- optimistic concurrency: every change bumps it; clients send it back as If-Match
    version            BIGINT       NOT NULL,
    created_at         TIMESTAMPTZ  NOT NULL,
    updated_at         TIMESTAMPTZ  NOT NULL
);

CREATE TABLE flag_audit (
    id           BIGSERIAL PRIMARY KEY,
    flag_key     VARCHAR(100) NOT NULL,
    action       VARCHAR(20)  NOT NULL,
    actor        VARCHAR(200) NOT NULL,
    at           TIMESTAMPTZ  NOT NULL,
    reason       TEXT,
    before_state JSONB,
    after_state  JSONB
);
CREATE INDEX idx_flag_audit_key ON flag_audit (flag_key, id);

CREATE TABLE scheduled_changes (
    id                 UUID PRIMARY KEY,
    flag_key           VARCHAR(100) NOT NULL,
    apply_at           TIMESTAMPTZ  NOT NULL,
    habilitado         BOOLEAN,
    porcentaje_rollout INTEGER CHECK (porcentaje_rollout BETWEEN 0 AND 100),
    reason             TEXT         NOT NULL,
    created_by         VARCHAR(200) NOT NULL,
    created_at         TIMESTAMPTZ  NOT NULL,
    status             VARCHAR(12)  NOT NULL CHECK (status IN ('PENDING', 'APPLIED', 'CANCELLED', 'FAILED')),
    applied_at         TIMESTAMPTZ,
    outcome            TEXT
);
CREATE INDEX idx_scheduled_changes_due ON scheduled_changes (apply_at) WHERE status = 'PENDING';

CREATE TABLE outbox (
    id           BIGSERIAL PRIMARY KEY,
    event_id     UUID         NOT NULL UNIQUE,
    topic        VARCHAR(200) NOT NULL,
    event_key    VARCHAR(200) NOT NULL,
    payload      JSONB        NOT NULL,
    created_at   TIMESTAMPTZ  NOT NULL,
    published_at TIMESTAMPTZ,
    attempts     INTEGER      NOT NULL DEFAULT 0
);
CREATE INDEX idx_outbox_unpublished ON outbox (id) WHERE published_at IS NULL;
