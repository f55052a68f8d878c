package com.fincafacil.farm.service;

import com.fincafacil.commons.refusal.Refusal;
import com.fincafacil.farm.domain.DateRules;
import com.fincafacil.farm.domain.EarTag;
import com.fincafacil.farm.domain.Sex;
import com.fincafacil.farm.messaging.FarmEvents;
import com.fincafacil.farm.repository.AnimalEntity;
import com.fincafacil.farm.repository.AnimalRepository;
import com.fincafacil.farm.repository.CsvImportEntity;
import com.fincafacil.farm.repository.CsvImportRepository;
import com.fincafacil.farm.service.csv.AnimalCsvParser;
import com.fincafacil.farm.service.csv.AnimalRow;
import com.fincafacil.farm.service.csv.CsvError;
import com.fincafacil.farm.service.csv.CsvParseResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
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

    private static final DateTimeFormatter FARM_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd 'at' HH:mm");

    private final AnimalCsvParser parser = new AnimalCsvParser();
    private final AnimalRepository animals;
    private final AnimalCopyWriter copyWriter;
    private final CsvImportRepository imports;
    private final FarmEvents events;
    private final Clock clock = Clock.systemUTC();

    public CsvImportService(AnimalRepository animals, AnimalCopyWriter copyWriter, CsvImportRepository imports, FarmEvents events) {
        this.animals = animals;
        this.copyWriter = copyWriter;
        this.imports = imports;
        this.events = events;
    }

    /**
     * @param alreadyImportedAt when this finca first imported the very same file (same SHA-256); null for a new file
     * @param note              says so in words, for the farmer; null for a new file
     */
    public record ImportResult(UUID importId, int rows, int imported, int skipped, String sha256,
                               OffsetDateTime alreadyImportedAt, String note) {
    }

    @Transactional
    public ImportResult importAnimals(UUID fincaId, byte[] file) {
        CsvParseResult parsed = parser.parse(file, DateRules.today(clock));
        if (!parsed.isValid()) {
            throw refuse(Refusal.Kind.INVALID, "csv_refused", parsed.errors());
        }
        OffsetDateTime seenBefore = imports.firstImportOf(fincaId, parsed.sha256()).orElse(null);
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
        imports.persist(record);
        ImportResult result = new ImportResult(record.id, record.rowsTotal, imported, record.skipped, parsed.sha256(),
                seenBefore, seenBefore == null ? null : "This exact file was already imported on "
                        + seenBefore.atZoneSameInstant(DateRules.FARM_ZONE).format(FARM_TIME)
                        + " (Colombia time); its animals already in the finca were skipped.");
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
                errors.add(new CsvError(row.line(), "arete_madre", "dam_not_found", "arete_madre " + row.damEarTag().value() + " is not in this file nor in the finca.",
                        "earTag", row.damEarTag().value()));
            } else if (!Sex.HEMBRA.wireName().equals(dam.sex)) {
                errors.add(new CsvError(row.line(), "arete_madre", "dam_not_female", "arete_madre " + dam.earTag + " is a macho; a dam must be hembra.",
                        "earTag", dam.earTag));
            } else if (!DateRules.bornAfterDam(row.birthDate(), dam.birthDate)) {
                errors.add(new CsvError(row.line(), "fecha_nacimiento", "calf_born_before_dam", "fecha_nacimiento " + row.birthDate()
                        + " is not after the birth of its dam " + dam.earTag + " (" + dam.birthDate + "); a calf is born after its dam.",
                        "birthDate", row.birthDate(), "dam", dam.earTag, "damBirthDate", dam.birthDate));
            } else {
                found.put(dam.earTag, dam.id);
            }
        }
        if (!errors.isEmpty()) {
            throw refuse(Refusal.Kind.UNPROCESSABLE, "csv_dams_refused", errors);
        }
        return found;
    }

    /** Every error of the file at once, each on its line and column; the detail counts them. */
    private static Refusal refuse(Refusal.Kind kind, String summary, List<CsvError> errors) {
        List<Refusal.Reason> reasons = errors.stream().map(e -> {
            Map<String, Object> facts = new HashMap<>(e.facts());
            facts.put("detail", e.message());
            return new Refusal.Reason(e.column(), e.code(), facts, e.line());
        }).toList();
        String code = reasons.size() == 1 ? reasons.get(0).code() : kind == Refusal.Kind.INVALID ? "invalid_input" : "unprocessable";
        return new Refusal(kind, code, reasons).summarized(summary, "count", errors.size());
    }
}
