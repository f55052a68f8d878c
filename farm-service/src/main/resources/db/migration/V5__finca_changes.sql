-- The change feed a farm app catches up from (GET /api/v1/fincas/{fincaId}/changes): one row per
-- inserted or updated animal, event and alert, written by triggers in the writing transaction.
-- Triggers rather than application code, so every writer is covered, the CSV import's COPY and
-- the previous release running on this schema included. Expand-only: a new table, and triggers
-- that only add rows to it.
--
-- A reader must never skip a row that commits later with a smaller sequence number. So each row
-- keeps the id of its transaction (xid), and the feed serves only rows of transactions older than
-- every transaction still running (pg_snapshot_xmin): all of those have ended, and any transaction
-- that has not yet written gets a larger id. The feed is ordered by (xid, seq).
CREATE TABLE finca_changes (
    seq        BIGSERIAL PRIMARY KEY,
    xid        BIGINT      NOT NULL DEFAULT (pg_current_xact_id()::text::bigint),
    finca_id   UUID        NOT NULL,
    entity     VARCHAR(20) NOT NULL,
    entity_id  UUID        NOT NULL,
    changed_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX idx_finca_changes_feed ON finca_changes (finca_id, xid, seq);

-- one row per changed row; TG_ARGV[0] names the entity as the feed reports it
CREATE FUNCTION record_finca_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO finca_changes (finca_id, entity, entity_id)
    SELECT finca_id, TG_ARGV[0], id FROM changed_rows;
    RETURN NULL;
END
$$;

-- statement triggers with a transition table: one INSERT per statement, even for a 100,000-row COPY
CREATE TRIGGER animals_inserted AFTER INSERT ON animals REFERENCING NEW TABLE AS changed_rows
    FOR EACH STATEMENT EXECUTE FUNCTION record_finca_change('animal');
CREATE TRIGGER animals_updated AFTER UPDATE ON animals REFERENCING NEW TABLE AS changed_rows
    FOR EACH STATEMENT EXECUTE FUNCTION record_finca_change('animal');
CREATE TRIGGER weighings_inserted AFTER INSERT ON weighings REFERENCING NEW TABLE AS changed_rows
    FOR EACH STATEMENT EXECUTE FUNCTION record_finca_change('weighing');
CREATE TRIGGER treatments_inserted AFTER INSERT ON treatments REFERENCING NEW TABLE AS changed_rows
    FOR EACH STATEMENT EXECUTE FUNCTION record_finca_change('treatment');
CREATE TRIGGER births_inserted AFTER INSERT ON births REFERENCING NEW TABLE AS changed_rows
    FOR EACH STATEMENT EXECUTE FUNCTION record_finca_change('birth');
CREATE TRIGGER sales_inserted AFTER INSERT ON sales REFERENCING NEW TABLE AS changed_rows
    FOR EACH STATEMENT EXECUTE FUNCTION record_finca_change('sale');
CREATE TRIGGER deaths_inserted AFTER INSERT ON deaths REFERENCING NEW TABLE AS changed_rows
    FOR EACH STATEMENT EXECUTE FUNCTION record_finca_change('death');
CREATE TRIGGER alertas_inserted AFTER INSERT ON alertas REFERENCING NEW TABLE AS changed_rows
    FOR EACH STATEMENT EXECUTE FUNCTION record_finca_change('alert');
CREATE TRIGGER alertas_updated AFTER UPDATE ON alertas REFERENCING NEW TABLE AS changed_rows
    FOR EACH STATEMENT EXECUTE FUNCTION record_finca_change('alert');
