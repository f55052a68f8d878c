-- Announcements (the seed's "Anuncio en #status"): webhook channels, operator-edited Spanish
-- templates, and a notification outbox delivered with retries. Channel URLs are secrets: the API
-- never returns them whole and nothing logs them.
CREATE TABLE announcement_channels (
    id                   UUID PRIMARY KEY,
    name                 VARCHAR(100)  NOT NULL UNIQUE,
    kind                 VARCHAR(20)   NOT NULL CHECK (kind IN ('SLACK', 'TEAMS', 'WEBHOOK')),
    url                  VARCHAR(2000) NOT NULL,
    events               JSONB         NOT NULL,
    enabled              BOOLEAN       NOT NULL DEFAULT TRUE,
    created_by           VARCHAR(200)  NOT NULL,
    created_at           TIMESTAMPTZ   NOT NULL,
    consecutive_failures INTEGER       NOT NULL DEFAULT 0,
    last_error           VARCHAR(300),
    last_failure_at      TIMESTAMPTZ,
    last_success_at      TIMESTAMPTZ
);

CREATE TABLE announcement_templates (
    kind       VARCHAR(40)   PRIMARY KEY,
    template   VARCHAR(2000) NOT NULL,
    updated_by VARCHAR(200)  NOT NULL,
    updated_at TIMESTAMPTZ   NOT NULL
);

CREATE TABLE notifications (
    id              BIGSERIAL PRIMARY KEY,
    channel_id      UUID          NOT NULL REFERENCES announcement_channels (id) ON DELETE CASCADE,
    kind            VARCHAR(40)   NOT NULL,
    text            VARCHAR(4000) NOT NULL,
    "values"        JSONB         NOT NULL,
    status          VARCHAR(20)   NOT NULL CHECK (status IN ('PENDING', 'DELIVERED', 'GAVE_UP')),
    attempts        INTEGER       NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ   NOT NULL,
    last_error      VARCHAR(300),
    created_at      TIMESTAMPTZ   NOT NULL,
    delivered_at    TIMESTAMPTZ
);
CREATE INDEX idx_notifications_due ON notifications (next_attempt_at) WHERE status = 'PENDING';
