package com.fincafacil.farm.service;

import com.fincafacil.farm.repository.AnimalWriter;
import com.fincafacil.farm.service.csv.AnimalRow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.hibernate.Session;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Writes many animals with PostgreSQL COPY on the transaction's own connection, so a large
 * import runs at close to COPY speed and still commits or rolls back with everything else.
 */
@ApplicationScoped
public class AnimalCopyWriter {

    private static final String COPY = "COPY animals (" + AnimalWriter.ANIMAL_COLUMNS + ") FROM STDIN "
            + "WITH (FORMAT csv)";

    private final EntityManager em;

    public AnimalCopyWriter(EntityManager em) {
        this.em = em;
    }

    /** Inserts rows in the given order; {@code ids} maps every ear tag (rows and known dams) to its id. */
    public int insert(UUID fincaId, List<AnimalRow> rows, Map<String, UUID> ids) {
        if (rows.isEmpty()) {
            return 0;
        }
        String now = OffsetDateTime.now(ZoneOffset.UTC).toString();
        Session session = em.unwrap(Session.class);
        session.flush();
        return session.doReturningWork(connection -> {
            PGCopyOutputStream copy = new PGCopyOutputStream(connection.unwrap(PGConnection.class), COPY, 1 << 16);
            try {
                CSVPrinter printer = new CSVPrinter(new OutputStreamWriter(copy, StandardCharsets.UTF_8), CSVFormat.POSTGRESQL_CSV);
                for (AnimalRow r : rows) {
                    printer.printRecord(ids.get(r.earTag().value()), fincaId, r.earTag().value(), r.species().wireName(),
                            r.breed(), r.sex().wireName(), r.birthDate(),
                            r.damEarTag() == null ? null : ids.get(r.damEarTag().value()),
                            r.status().wireName(), r.weight() == null ? null : r.weight().value(), now, now);
                }
                printer.flush();
                return (int) copy.endCopy();
            } catch (IOException e) {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
                throw new SQLException("COPY of animals failed", e);
            }
        });
    }

    /** Orders rows so a dam defined in the file is written before its calves (the dam reference is checked per row). */
    static List<AnimalRow> dependencyOrder(List<AnimalRow> rows) {
        Map<String, AnimalRow> byTag = new HashMap<>();
        rows.forEach(r -> byTag.put(r.earTag().value(), r));
        Map<String, Integer> depth = new HashMap<>();
        for (AnimalRow row : rows) {
            depthOf(row, byTag, depth, 0);
        }
        List<AnimalRow> ordered = new ArrayList<>(rows);
        ordered.sort(Comparator.comparingInt(r -> depth.get(r.earTag().value())));
        return ordered;
    }

    private static int depthOf(AnimalRow row, Map<String, AnimalRow> byTag, Map<String, Integer> depth, int guard) {
        Integer known = depth.get(row.earTag().value());
        if (known != null) {
            return known;
        }
        AnimalRow dam = row.damEarTag() == null ? null : byTag.get(row.damEarTag().value());
        // a chain longer than the file itself can only be a cycle; the parser refuses self-references
        int d = dam == null || guard > byTag.size() ? 0 : depthOf(dam, byTag, depth, guard + 1) + 1;
        depth.put(row.earTag().value(), d);
        return d;
    }
}
