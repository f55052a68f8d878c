package com.fincafacil.farm.service;

import com.fincafacil.farm.domain.sync.ChangeCursor;
import com.fincafacil.farm.repository.ChangeRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** What changed in a finca after a cursor, for a phone catching up (GET …/changes). */
@ApplicationScoped
public class ChangeFeedService {

    private final ChangeRepository changes;

    public ChangeFeedService(ChangeRepository changes) {
        this.changes = changes;
    }

    /** One changed row in its current state ({@code row} is its entity). */
    public record Change(String entity, UUID id, OffsetDateTime changedAt, Object row) {
    }

    public record Page(List<Change> changes, ChangeCursor next, boolean hasMore) {
    }

    /**
     * Up to {@code limit} changes after {@code since}. A row changed several times within the page
     * appears once, at its last change, with its current state: a phone applies it as an upsert.
     */
    @Transactional
    public Page after(UUID fincaId, String cursor, int limit) {
        ChangeCursor since = cursor == null ? ChangeCursor.start(fincaId) : Refusals.valid(() -> ChangeCursor.decode(cursor, fincaId));
        List<ChangeRepository.Change> rows = changes.after(since.fincaId(), since.xid(), since.seq(), limit + 1);
        boolean hasMore = rows.size() > limit;
        List<ChangeRepository.Change> page = hasMore ? rows.subList(0, limit) : rows;
        Map<String, ChangeRepository.Change> last = new LinkedHashMap<>();
        for (ChangeRepository.Change row : page) {
            String key = row.entity() + ":" + row.entityId();
            last.remove(key);
            last.put(key, row);
        }
        Map<String, Map<UUID, Object>> current = load(since.fincaId(), last.values());
        List<Change> out = new ArrayList<>();
        for (ChangeRepository.Change row : last.values()) {
            Object entity = current.getOrDefault(row.entity(), Map.of()).get(row.entityId());
            if (entity != null) {
                out.add(new Change(row.entity(), row.entityId(), row.changedAt(), entity));
            }
        }
        ChangeRepository.Change end = page.isEmpty() ? null : page.get(page.size() - 1);
        ChangeCursor next = end == null ? since : new ChangeCursor(since.fincaId(), end.xid(), end.seq());
        return new Page(out, next, hasMore);
    }

    /** The current rows named by the page, one query per kind. */
    private Map<String, Map<UUID, Object>> load(UUID fincaId, java.util.Collection<ChangeRepository.Change> rows) {
        Map<String, List<UUID>> ids = rows.stream().collect(Collectors.groupingBy(ChangeRepository.Change::entity,
                Collectors.mapping(ChangeRepository.Change::entityId, Collectors.toList())));
        Map<String, Map<UUID, Object>> loaded = new HashMap<>();
        ids.forEach((entity, list) -> {
            Class<?> type = ChangeRepository.ENTITIES.get(entity);
            if (type != null) {
                loaded.put(entity, changes.current(type, fincaId, list));
            }
        });
        return loaded;
    }
}
