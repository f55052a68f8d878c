package com.fincafacil.farm.repository;

import com.fincafacil.farm.config.FarmConfig;
import com.fincafacil.outbox.OutboxRow;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.PersistenceException;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Writes new animals together with their events. One SQL statement inserts a whole group of
 * animals and, for each one actually inserted, its outbox event: atomic by itself, one round trip.
 * <p>
 * Outside a transaction, registrations that arrive together are written together (group commit):
 * a writer thread takes whatever is waiting and writes it in one statement, so the database does
 * one insert, one commit and one wait for the disk for the group instead of one per request. A
 * caller is answered only after its group committed. Inside a transaction (an Idempotency-Key claim, a
 * birth) the statement runs at once on that transaction's connection.
 * <p>
 * A group waits, like any insert, on another transaction's uncommitted row with the same ear tag
 * (a birth or an import in progress in that finca); with one writer, registrations behind it
 * wait too, for as long as that transaction lasts.
 */
@ApplicationScoped
public class AnimalWriter {

    private static final int MAX_GROUP = 64;
    /** The arrays INSERT takes: one per input column, in its unnest order. */
    private static final int PARAMETERS = 16;
    private static final long WAIT_SECONDS = 30;

    /** The columns of a new animal's row, in the order both writers (this one and COPY) fill them. */
    public static final String ANIMAL_COLUMNS = "id, finca_id, ear_tag, species, breed, sex, birth_date, dam_id, "
            + "status, current_weight_kg, created_at, updated_at";

    // every column arrives as a text array (cast here); unnest zips them into rows, and the
    // ordinality keeps one finca's events in request order
    private static final String INSERT = "WITH input AS (SELECT * FROM unnest(CAST(? AS uuid[]), CAST(? AS uuid[]), "
            + "CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]), CAST(? AS date[]), "
            + "CAST(? AS uuid[]), CAST(? AS text[]), CAST(? AS numeric[]), CAST(? AS timestamptz[]), "
            + "CAST(? AS uuid[]), CAST(? AS text[]), CAST(? AS text[]), CAST(? AS jsonb[]), CAST(? AS timestamptz[])) "
            + "WITH ORDINALITY AS i(id, finca_id, ear_tag, species, breed, sex, birth_date, dam_id, status, weight, "
            + "created_at, event_id, topic, event_key, payload, event_created_at, ord)), "
            + "animal AS (INSERT INTO animals (" + ANIMAL_COLUMNS + ") "
            + "SELECT id, finca_id, ear_tag, species, breed, sex, birth_date, dam_id, status, weight, created_at, "
            + "created_at FROM input ORDER BY ord "
            + "ON CONFLICT ON CONSTRAINT uq_animals_finca_ear_tag DO NOTHING RETURNING id), "
            + "event AS (INSERT INTO outbox (" + OutboxRow.COLUMNS + ") SELECT i.event_id, i.topic, i.event_key, "
            + "i.payload, i.event_created_at FROM input i JOIN animal a ON a.id = i.id ORDER BY i.ord) "
            + "SELECT id FROM animal";

    /** A new animal and its event; {@code animal.updatedAt} is written as its {@code createdAt}. */
    public record NewAnimal(AnimalEntity animal, OutboxRow event) {
    }

    private record Pending(NewAnimal row, CompletableFuture<Boolean> written) {
    }

    private final DataSource dataSource;
    private final BlockingQueue<Pending> waiting = new LinkedBlockingQueue<>();
    private final DistributionSummary groupSizes;
    private final int writers;
    private final List<Thread> threads = new CopyOnWriteArrayList<>();
    private volatile boolean running;

    public AnimalWriter(DataSource dataSource, FarmConfig config, MeterRegistry registry) {
        this.dataSource = dataSource;
        this.writers = Math.max(1, config.registrationWriters());
        this.groupSizes = DistributionSummary.builder("fincafacil.farm.registration.group")
                .description("Animals written per insert statement (group commit)").register(registry);
    }

    void start(@Observes StartupEvent event) {
        running = true;
        for (int i = 0; i < writers; i++) {
            Thread thread = new Thread(this::run, "animal-writer-" + i);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        // the writers finish what is waiting before the datasource closes
        for (Thread thread : threads) {
            thread.join(TimeUnit.SECONDS.toMillis(5));
        }
    }

    /** Writes the animal and its event; false, with nothing written, if its ear tag is taken in the finca. */
    public boolean insert(NewAnimal row) {
        if (QuarkusTransaction.isActive() || !running) {
            // in the caller's transaction; or while the writers start or stop, on its own
            return writeNow(row);
        }
        Pending pending = new Pending(row, new CompletableFuture<>());
        waiting.add(pending);
        if (!running && waiting.remove(pending)) {
            return writeNow(row); // the writers stopped meanwhile: nobody else would write it
        }
        try {
            return pending.written().get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw unwrap(e.getCause());
        } catch (InterruptedException | TimeoutException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            if (waiting.remove(pending)) {
                // not taken by a writer: nothing was written, so failing tells the truth
                throw new PersistenceException("registration of " + row.animal().earTag + " did not start in time", e);
            }
            // its group is being written, and only that outcome can be the answer
            try {
                return pending.written().join();
            } catch (CompletionException failed) {
                throw unwrap(failed.getCause());
            }
        }
    }

    private boolean writeNow(NewAnimal row) {
        return insertAll(List.of(row)).contains(row.animal().id);
    }

    private static RuntimeException unwrap(Throwable cause) {
        return cause instanceof RuntimeException runtime ? runtime : new PersistenceException(cause);
    }

    private void run() {
        List<Pending> group = new ArrayList<>(MAX_GROUP);
        while (running || !waiting.isEmpty()) {
            try {
                Pending first = waiting.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                group.add(first);
                waiting.drainTo(group, MAX_GROUP - 1);
                write(group);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                group.clear();
            }
        }
    }

    private void write(List<Pending> group) {
        try {
            Set<UUID> inserted = insertAll(group.stream().map(Pending::row).toList());
            groupSizes.record(group.size());
            group.forEach(p -> p.written().complete(inserted.contains(p.row().animal().id)));
        } catch (Throwable e) { // even an Error: every caller gets an answer and the writer lives on
            if (group.size() == 1) {
                group.get(0).written().completeExceptionally(e);
            } else {
                // one bad row must not fail the others: write each on its own
                group.forEach(p -> write(List.of(p)));
            }
        }
    }

    private Set<UUID> insertAll(List<NewAnimal> rows) {
        int n = rows.size();
        String[][] columns = new String[PARAMETERS][n];
        for (int r = 0; r < n; r++) {
            AnimalEntity a = rows.get(r).animal();
            OutboxRow e = rows.get(r).event();
            Object[] values = {a.id, a.fincaId, a.earTag, a.species, a.breed, a.sex, a.birthDate, a.damId, a.status,
                    a.currentWeightKg, a.createdAt, e.eventId(), e.topic(), e.key(), e.payload(), e.createdAt()};
            for (int c = 0; c < values.length; c++) {
                columns[c][r] = values[c] == null ? null : values[c].toString();
            }
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (int c = 0; c < columns.length; c++) {
                insert.setArray(c + 1, connection.createArrayOf("text", columns[c]));
            }
            Set<UUID> inserted = new HashSet<>();
            try (ResultSet ids = insert.executeQuery()) {
                while (ids.next()) {
                    inserted.add(ids.getObject(1, UUID.class));
                }
            }
            return inserted;
        } catch (SQLException e) {
            throw new PersistenceException("cannot register " + n + " animal(s)", e);
        }
    }
}
