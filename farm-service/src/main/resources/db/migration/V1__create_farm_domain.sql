-- farm-service's first schema: fincas and their API keys, animals and their events, alerts,
-- CSV imports, idempotent-request records and the outbox of farm events.
CREATE TABLE fincas (
    id               UUID PRIMARY KEY,
    name             VARCHAR(120) NOT NULL,
    department       VARCHAR(60)  NOT NULL,
    municipality     VARCHAR(80)  NOT NULL,
    deployment_level VARCHAR(30)  NOT NULL
        CHECK (deployment_level IN ('piloto', 'produccion_controlada', 'produccion_abierta')),
    created_at       TIMESTAMPTZ  NOT NULL,
    updated_at       TIMESTAMPTZ  NOT NULL
);

CREATE TABLE api_keys (
    id           UUID PRIMARY KEY,
    finca_id     UUID         NOT NULL REFERENCES fincas (id),
    -- the first characters of the key, shown so people can tell keys apart; the key itself is never stored
    prefix       VARCHAR(16)  NOT NULL,
    key_hash     CHAR(64)     NOT NULL UNIQUE,
    label        VARCHAR(120) NOT NULL,
    created_at   TIMESTAMPTZ  NOT NULL,
    created_by   VARCHAR(200) NOT NULL,
    revoked_at   TIMESTAMPTZ
);
CREATE INDEX idx_api_keys_finca ON api_keys (finca_id);

CREATE TABLE animals (
    id                UUID PRIMARY KEY,
    finca_id          UUID         NOT NULL REFERENCES fincas (id),
    ear_tag           VARCHAR(20)  NOT NULL,
    species           VARCHAR(20)  NOT NULL,
    breed             VARCHAR(60),
    sex               VARCHAR(10)  NOT NULL CHECK (sex IN ('macho', 'hembra')),
    birth_date        DATE,
    dam_id            UUID REFERENCES animals (id),
    status            VARCHAR(10)  NOT NULL CHECK (status IN ('activo', 'vendido', 'muerto')),
    current_weight_kg NUMERIC(7, 2) CHECK (current_weight_kg > 0 AND current_weight_kg < 2000),
    created_at        TIMESTAMPTZ  NOT NULL,
    updated_at        TIMESTAMPTZ  NOT NULL,
    CONSTRAINT uq_animals_finca_ear_tag UNIQUE (finca_id, ear_tag)
);
CREATE INDEX idx_animals_finca_status ON animals (finca_id, status);

CREATE TABLE weighings (
    id         UUID PRIMARY KEY,
    finca_id   UUID          NOT NULL REFERENCES fincas (id),
    animal_id  UUID          NOT NULL REFERENCES animals (id),
    weighed_on DATE          NOT NULL,
    weight_kg  NUMERIC(7, 2) NOT NULL CHECK (weight_kg > 0 AND weight_kg < 2000),
    created_at TIMESTAMPTZ   NOT NULL
);
CREATE INDEX idx_weighings_animal ON weighings (animal_id, weighed_on);

CREATE TABLE treatments (
    id              UUID PRIMARY KEY,
    finca_id        UUID         NOT NULL REFERENCES fincas (id),
    animal_id       UUID         NOT NULL REFERENCES animals (id),
    product         VARCHAR(120) NOT NULL,
    dose            VARCHAR(60)  NOT NULL,
    applied_on      DATE         NOT NULL,
    next_due_date   DATE,
    withdrawal_days INTEGER      NOT NULL CHECK (withdrawal_days >= 0),
    created_at      TIMESTAMPTZ  NOT NULL
);
CREATE INDEX idx_treatments_animal ON treatments (animal_id, applied_on);
CREATE INDEX idx_treatments_due ON treatments (finca_id, next_due_date);

CREATE TABLE births (
    id         UUID PRIMARY KEY,
    finca_id   UUID        NOT NULL REFERENCES fincas (id),
    dam_id     UUID        NOT NULL REFERENCES animals (id),
    calf_id    UUID        NOT NULL REFERENCES animals (id),
    born_on    DATE        NOT NULL,
    created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX idx_births_finca ON births (finca_id, born_on);

CREATE TABLE sales (
    id         UUID PRIMARY KEY,
    finca_id   UUID           NOT NULL REFERENCES fincas (id),
    animal_id  UUID           NOT NULL UNIQUE REFERENCES animals (id),
    sold_on    DATE           NOT NULL,
    price_cop  NUMERIC(14, 2) NOT NULL CHECK (price_cop >= 0),
    buyer      VARCHAR(120)   NOT NULL,
    created_at TIMESTAMPTZ    NOT NULL
);
CREATE INDEX idx_sales_finca ON sales (finca_id, sold_on);

CREATE TABLE deaths (
    id         UUID PRIMARY KEY,
    finca_id   UUID         NOT NULL REFERENCES fincas (id),
    animal_id  UUID         NOT NULL UNIQUE REFERENCES animals (id),
    died_on    DATE         NOT NULL,
    cause      VARCHAR(200) NOT NULL,
    created_at TIMESTAMPTZ  NOT NULL
);

-- the seed's table name and type column; confianza_ia comes with migration 2
CREATE TABLE alertas (
    id              UUID PRIMARY KEY,
    finca_id        UUID         NOT NULL REFERENCES fincas (id),
    animal_id       UUID REFERENCES animals (id),
    tipo_alerta     VARCHAR(10)  NOT NULL CHECK (tipo_alerta IN ('BAJA', 'MEDIA', 'ALTA', 'CRITICA')),
    code            VARCHAR(40)  NOT NULL,
    message         TEXT         NOT NULL,
    -- one alert per fact: a rule that runs again for the same fact does not raise it twice
    dedupe_key      VARCHAR(200) NOT NULL UNIQUE,
    created_at      TIMESTAMPTZ  NOT NULL,
    acknowledged_at TIMESTAMPTZ,
    acknowledged_by VARCHAR(200)
);
CREATE INDEX idx_alertas_finca ON alertas (finca_id, created_at);

CREATE TABLE csv_imports (
    id         UUID PRIMARY KEY,
    finca_id   UUID        NOT NULL REFERENCES fincas (id),
    sha256     CHAR(64)    NOT NULL,
    rows_total INTEGER     NOT NULL,
    imported   INTEGER     NOT NULL,
    skipped    INTEGER     NOT NULL,
    created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX idx_csv_imports_finca ON csv_imports (finca_id, sha256);

CREATE TABLE idempotent_requests (
    scope         VARCHAR(64)  NOT NULL,
    idem_key      VARCHAR(200) NOT NULL,
    request_hash  CHAR(64)     NOT NULL,
    status        INTEGER,
    response_body TEXT,
    created_at    TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (scope, idem_key)
);

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
