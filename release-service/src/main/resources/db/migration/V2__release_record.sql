-- The release record of the release flow: changes with their merge time (lead time counts from
-- there), the artifact a target runs, the version it replaces, the approval, and a timeline
-- entry for every transition with who or what made it, why, and the figures gathered then.
ALTER TABLE releases
    ADD COLUMN change_list      JSONB        NOT NULL DEFAULT '[]'::jsonb,
    ADD COLUMN artifact         VARCHAR(300),
    ADD COLUMN previous_version VARCHAR(64),
    ADD COLUMN approved_by      VARCHAR(200),
    ADD COLUMN approved_at      TIMESTAMPTZ;

UPDATE releases SET artifact = version,
    change_list = (SELECT coalesce(jsonb_agg(jsonb_build_object('title', line, 'mergedAt', NULL)), '[]'::jsonb)
                   FROM unnest(string_to_array(changes, E'\n')) AS line);
ALTER TABLE releases ALTER COLUMN artifact SET NOT NULL;
ALTER TABLE releases DROP COLUMN changes;
CREATE INDEX idx_releases_state_created ON releases (state, created_at);

ALTER TABLE release_transitions RENAME COLUMN detail TO reason;
ALTER TABLE release_transitions
    ADD COLUMN actor   VARCHAR(200) NOT NULL DEFAULT 'release-service',
    ADD COLUMN figures JSONB;
