package com.fincafacil.farm.service;

import com.fincafacil.commons.rest.Problem;
import com.fincafacil.commons.rest.ProblemException;
import com.fincafacil.farm.domain.DateRules;
import com.fincafacil.farm.domain.EarTag;
import com.fincafacil.farm.domain.Sex;
import com.fincafacil.farm.messaging.FarmEvents;
import com.fincafacil.farm.repository.AnimalEntity;
import com.fincafacil.farm.repository.AnimalRepository;
import com.fincafacil.farm.repository.CsvImportEntity;
import com.fincafacil.farm.service.csv.AnimalCsvParser;
import com.fincafacil.farm.service.csv.AnimalRow;
import com.fincafacil.farm.service.csv.CsvError;
import com.fincafacil.farm.service.csv.CsvParseResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The CSV import (docs/farm-csv-import.md): every row is checked first and any problem refuses
 * the whole file; a valid file is written in one transaction with PostgreSQL COPY; aretes the
 * finca already has are skipped, so uploading the same file twice adds nothing.
 */
@ApplicationScoped
public class CsvImportService {

    private final AnimalCsvParser parser = new AnimalCsvParser();
    private final AnimalRepository animals;
    private final AnimalCopyWriter copyWriter;
    private final EntityManager em;
    private final FarmEvents events;
    private final Clock clock = Clock.systemUTC();

    public CsvImportService(AnimalRepository animals, AnimalCopyWriter copyWriter, EntityManager em, FarmEvents events) {
        this.animals = animals;
        this.copyWriter = copyWriter;
        this.em = em;
        this.events = events;
    }

    public record ImportResult(UUID importId, int rows, int imported, int skipped, String sha256) {
    }

    @Transactional
    public ImportResult importAnimals(UUID fincaId, byte[] file) {
        CsvParseResult parsed = parser.parse(file, DateRules.today(clock));
        if (!parsed.isValid()) {
            throw refuse(400, "The file has " + parsed.errors().size() + " error(s); nothing was imported.", parsed.errors());
        }
        Set<String> existing = animals.existingEarTags(fincaId);
        Map<String, UUID> damIds = damsInFinca(fincaId, parsed);
        List<AnimalRow> fresh = parsed.rows().stream().filter(r -> !existing.contains(r.earTag().value())).toList();
        Map<String, UUID> ids = new HashMap<>(damIds);
        fresh.forEach(row -> ids.put(row.earTag().value(), UUID.randomUUID()));
        int imported = copyWriter.insert(fincaId, AnimalCopyWriter.dependencyOrder(fresh), ids);
        CsvImportEntity record = new CsvImportEntity();
        record.id = UUID.randomUUID();
        record.fincaId = fincaId;
        record.sha256 = parsed.sha256();
        record.rowsTotal = parsed.rows().size();
        record.imported = imported;
        record.skipped = parsed.rows().size() - imported;
        record.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        em.persist(record);
        ImportResult result = new ImportResult(record.id, record.rowsTotal, imported, record.skipped, parsed.sha256());
        events.record("animals.imported", fincaId, result);
        return result;
    }

    /** Dams named by rows but not defined in the file must be hembra animals of the finca. */
    private Map<String, UUID> damsInFinca(UUID fincaId, CsvParseResult parsed) {
        Map<String, UUID> found = new HashMap<>();
        if (parsed.damsOutsideFile().isEmpty()) {
            return found;
        }
        Map<String, AnimalEntity> byTag = new HashMap<>();
        animals.byEarTags(fincaId, parsed.damsOutsideFile().stream().map(EarTag::value).toList())
                .forEach(a -> byTag.put(a.earTag, a));
        List<CsvError> errors = new ArrayList<>();
        for (AnimalRow row : parsed.rows()) {
            if (row.damEarTag() == null || !parsed.damsOutsideFile().contains(row.damEarTag())) {
                continue;
            }
            AnimalEntity dam = byTag.get(row.damEarTag().value());
            if (dam == null) {
                errors.add(new CsvError(row.line(), "arete_madre", "arete_madre " + row.damEarTag().value() + " is not in this file nor in the finca."));
            } else if (!Sex.HEMBRA.wireName().equals(dam.sex)) {
                errors.add(new CsvError(row.line(), "arete_madre", "arete_madre " + dam.earTag + " is a macho; a dam must be hembra."));
            } else {
                found.put(dam.earTag, dam.id);
            }
        }
        if (!errors.isEmpty()) {
            throw refuse(422, errors.size() + " row(s) name a dam the finca does not have; nothing was imported.", errors);
        }
        return found;
    }

    private static ProblemException refuse(int status, String detail, List<CsvError> errors) {
        List<Problem.FieldError> fieldErrors = errors.stream()
                .map(e -> new Problem.FieldError(e.column(), e.message(), e.line())).toList();
        return new ProblemException(new Problem("https://fincafacil.co/problems/" + status,
                status == 400 ? "Invalid input" : "Request cannot be applied", status, detail, null, fieldErrors));
    }
}
