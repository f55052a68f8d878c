-- release-service's first schema: releases and every state transition, persisted before it is acted on.
CREATE TABLE releases (
    id          UUID PRIMARY KEY,
    version     VARCHAR(64)  NOT NULL UNIQUE,
    kind        VARCHAR(10)  NOT NULL CHECK (kind IN ('major', 'minor', 'patch', 'hotfix')),
    state       VARCHAR(20)  NOT NULL,
    changes     TEXT         NOT NULL,
    created_at  TIMESTAMPTZ  NOT NULL,
    created_by  VARCHAR(200) NOT NULL
);

CREATE TABLE release_transitions (
    id          BIGSERIAL PRIMARY KEY,
    release_id  UUID         NOT NULL REFERENCES releases (id),
    from_state  VARCHAR(20),
    to_state    VARCHAR(20)  NOT NULL,
    at          TIMESTAMPTZ  NOT NULL,
    detail      TEXT
);
CREATE INDEX idx_release_transitions_release ON release_transitions (release_id, id);
