-- The seed's migration 001_add_confianza_ia (v1.0.0 → v1.1.0), kept as written: an expand-only
-- change (a column with a default, a backfill and an index), so v1.0.0 still runs on the new schema.

-- Step 1: the column, with a default so existing writers need not know it
ALTER TABLE alertas ADD COLUMN confianza_ia REAL DEFAULT 0.85;

-- Step 2: backfill history by alert type
UPDATE alertas
SET confianza_ia = CASE
    WHEN tipo_alerta = 'CRITICA' THEN 0.95
    WHEN tipo_alerta = 'ALTA' THEN 0.85
    WHEN tipo_alerta = 'MEDIA' THEN 0.75
    ELSE 0.65
END
-- (compared as REAL: the seed's bare 0.85 is a double, which a REAL 0.85 never equals,
-- so the seed's version silently backfilled nothing)
WHERE confianza_ia = REAL '0.85';

-- Step 3: index for queries by confidence
CREATE INDEX idx_alertas_confianza ON alertas (confianza_ia);
