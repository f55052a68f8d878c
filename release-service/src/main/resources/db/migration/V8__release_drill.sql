-- A release planned by the go-live drill (./fincafacil drill). Its own `last_drill` gate steps
-- aside: after a failed drill, the next drill is what clears the gate, so it must not wait for it.
ALTER TABLE releases ADD COLUMN drill BOOLEAN NOT NULL DEFAULT FALSE;
