-- The outbox relay now deletes each batch once Kafka acknowledged it, so the table holds only
-- events still waiting. Rows an earlier version marked published are history Kafka already has.
DELETE FROM outbox WHERE published_at IS NOT NULL;
