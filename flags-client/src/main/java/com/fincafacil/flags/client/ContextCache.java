package com.fincafacil.flags.client;

import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The last live answers per context, with their ETag. Invalidation bumps a generation instead of
 * dropping entries: an invalidated entry is no longer fresh, but its ETag still allows a cheap 304
 * and its answers stay usable as the last known ones.
 */
final class ContextCache {

    /** Cached answers and what is needed to judge and revalidate them. */
    record Entry(String etag, AnswerSet answers, long fetchedAtMillis, long generation) {
    }

    private final int maxContexts;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();

    ContextCache(int maxContexts) {
        this.maxContexts = maxContexts;
    }

    Entry get(String key) {
        return entries.get(key);
    }

    /** Read before asking flags-service, stored with its answer: an invalidation during the call wins. */
    long generation() {
        return generation.get();
    }

    boolean isFresh(Entry entry, long nowMillis, long maxAgeMillis) {
        return entry.generation() == generation.get() && nowMillis - entry.fetchedAtMillis() < maxAgeMillis;
    }

    void put(String key, Entry entry) {
        entries.put(key, entry);
        if (entries.size() > maxContexts) {
            evictOldest();
        }
    }

    void invalidateAll() {
        generation.incrementAndGet();
    }

    int size() {
        return entries.size();
    }

    // rare (only past maxContexts), so a scan is cheaper to reason about than an ordered concurrent map
    private void evictOldest() {
        entries.entrySet().stream()
                .min(Comparator.comparingLong(e -> e.getValue().fetchedAtMillis()))
                .ifPresent(oldest -> entries.remove(oldest.getKey(), oldest.getValue()));
    }
}
