package com.fincafacil.flags.service;

import com.fincafacil.flags.domain.AlertFlag;
import com.fincafacil.flags.domain.Flag;
import com.fincafacil.flags.domain.FlagSet;
import com.fincafacil.flags.domain.PhaseFlag;
import com.fincafacil.flags.file.FlagFileCodec;
import com.fincafacil.flags.file.FlagFileException;
import com.fincafacil.flags.repository.FlagEntity;
import com.fincafacil.flags.repository.FlagRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Import and export of the seed's {@code feature_flags.json}. An import makes the store equal to
 * the file, all or nothing: the whole file is validated first (every error listed), then each
 * created, changed or removed flag is audited and announced like any other change.
 */
@ApplicationScoped
public class FlagImportService {

    private final FlagRepository flags;
    private final FlagFileCodec codec;
    private final FlagChangeRecorder recorder;

    public FlagImportService(FlagRepository flags, FlagFileCodec codec, FlagChangeRecorder recorder) {
        this.flags = flags;
        this.codec = codec;
        this.recorder = recorder;
    }

    public record ImportResult(List<String> created, List<String> updated, List<String> deleted, int unchanged) {
    }

    public String export() {
        List<PhaseFlag> phases = new ArrayList<>();
        List<AlertFlag> alerts = new ArrayList<>();
        for (FlagEntity row : flags.inFileOrder()) {
            Flag flag = row.toDomain();
            if (flag instanceof PhaseFlag phase) {
                phases.add(phase);
            } else {
                alerts.add((AlertFlag) flag);
            }
        }
        return codec.export(FlagSet.of(phases, alerts));
    }

    /** Throws {@link FlagFileException} listing every error; changes nothing then. */
    @Transactional
    public ImportResult importFile(String json, String actor, String reason) {
        FlagSet file = codec.parse(json);
        Map<String, FlagEntity> existing = new HashMap<>();
        flags.inFileOrder().forEach(row -> existing.put(row.key, row));
        List<String> created = new ArrayList<>();
        List<String> updated = new ArrayList<>();
        int unchanged = 0;
        int position = 0;
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        for (Flag flag : Stream.concat(file.fases().values().stream(), file.alertas().values().stream()).toList()) {
            FlagEntity row = existing.remove(flag.key());
            if (row == null) {
                row = new FlagEntity();
                row.key = flag.key();
                row.apply(flag);
                row.position = position++;
                row.version = 1;
                row.createdAt = now;
                row.updatedAt = now;
                flags.persist(row);
                recorder.created(row, flag, actor, reason);
                created.add(flag.key());
                continue;
            }
            row.position = position++;
            Flag before = row.toDomain();
            if (before.equals(flag)) {
                unchanged++;
                continue;
            }
            row.apply(flag);
            recorder.updated("imported", row, before, flag, actor, reason);
            updated.add(flag.key());
        }
        List<String> deleted = new ArrayList<>();
        for (FlagEntity gone : existing.values()) {
            recorder.deleted(gone, gone.toDomain(), actor, reason);
            flags.delete(gone);
            deleted.add(gone.key);
        }
        return new ImportResult(created, updated, deleted, unchanged);
    }

    @Transactional
    public boolean storeIsEmpty() {
        return flags.count() == 0;
    }
}
