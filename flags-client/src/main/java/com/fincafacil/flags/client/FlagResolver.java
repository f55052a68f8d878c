package com.fincafacil.flags.client;

import com.fincafacil.flags.domain.EvaluationContext;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds the answers for a context: fresh cache, else flags-service (revalidating with the ETag),
 * else the last known answers, else the flag file's defaults. Plain Java and thread-safe; when many
 * threads miss the cache for one context at once, one of them asks and the others wait for it.
 */
final class FlagResolver {

    /** Enough for every finca of a large deployment times a few app versions; past it the oldest go. */
    static final int MAX_CONTEXTS = 50_000;

    private final OfrepHttp http;
    private final FileDefaults defaults;
    private final long maxAgeMillis;
    private final Clock clock;
    private final ContextCache cache = new ContextCache(MAX_CONTEXTS);
    private final ConnectionState connection;
    private final Map<String, CompletableFuture<AnswerSet>> inFlight = new ConcurrentHashMap<>();

    FlagResolver(OfrepHttp http, FileDefaults defaults, Duration maxAge, Duration retryAfterFailure, Clock clock) {
        this.http = http;
        this.defaults = defaults;
        this.maxAgeMillis = maxAge.toMillis();
        this.clock = clock;
        this.connection = new ConnectionState(clock, retryAfterFailure);
    }

    static FlagResolver of(String url, String defaultsFile, Duration maxAge, Duration timeout,
                           Duration retryAfterFailure) {
        return new FlagResolver(new OfrepHttp(url, timeout), new FileDefaults(Path.of(defaultsFile)),
                maxAge, retryAfterFailure, Clock.systemUTC());
    }

    AnswerSet answersFor(FlagContext context) {
        FlagContexts.Checked checked = FlagContexts.check(context);
        if (checked.context() == null) {
            // flags-service would refuse it too; refusing here keeps one bad caller from degrading everyone
            return AnswerSet.unavailable(defaults.keys(), FlagAnswer.RULE_INVALID_CONTEXT, checked.problem(),
                    AnswerSource.LIVE);
        }
        return answersFor(checked.context());
    }

    void invalidateAll() {
        cache.invalidateAll();
    }

    FlagsClientStatus status() {
        return connection.status(cache.size());
    }

    /** Why the file gives no defaults, or null when it does; read once. */
    String defaultsProblem() {
        return defaults.problem();
    }

    private AnswerSet answersFor(EvaluationContext context) {
        String key = FlagContexts.cacheKey(context);
        ContextCache.Entry entry = cache.get(key);
        if (entry != null && cache.isFresh(entry, clock.millis(), maxAgeMillis)) {
            return entry.answers().withSource(AnswerSource.CACHED);
        }
        CompletableFuture<AnswerSet> mine = new CompletableFuture<>();
        CompletableFuture<AnswerSet> running = inFlight.putIfAbsent(key, mine);
        if (running != null) {
            return running.join(); // always completed normally, within one request timeout
        }
        try {
            AnswerSet answers = askOrFallBack(context, key);
            mine.complete(answers);
            return answers;
        } catch (RuntimeException | Error e) {
            mine.complete(fallback(context, cache.get(key)));
            throw e;
        } finally {
            inFlight.remove(key, mine);
        }
    }

    private AnswerSet askOrFallBack(EvaluationContext context, String key) {
        ContextCache.Entry entry = cache.get(key);
        if (!connection.tryAcquireCall()) {
            return fallback(context, entry);
        }
        long generation = cache.generation();
        try {
            OfrepHttp.Outcome outcome = http.fetch(context, entry == null ? null : entry.etag());
            connection.succeeded();
            if (outcome instanceof OfrepHttp.NotModified notModified) {
                cache.put(key, new ContextCache.Entry(notModified.etag(), entry.answers(), clock.millis(), generation));
                return entry.answers().withSource(AnswerSource.CACHED);
            }
            OfrepHttp.Modified modified = (OfrepHttp.Modified) outcome;
            AnswerSet answers = AnswerSet.of(modified.answers(), AnswerSource.LIVE);
            cache.put(key, new ContextCache.Entry(modified.etag(), answers, clock.millis(), generation));
            return answers;
        } catch (OfrepHttp.Failure e) {
            connection.failed(e.getMessage());
            return fallback(context, entry);
        }
    }

    private AnswerSet fallback(EvaluationContext context, ContextCache.Entry entry) {
        return entry != null ? entry.answers().asLastKnown() : defaults.answersFor(context);
    }
}
