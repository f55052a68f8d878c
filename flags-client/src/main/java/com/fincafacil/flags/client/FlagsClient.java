package com.fincafacil.flags.client;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.Map;

/**
 * How a service asks flags-service whether a flag is on for a finca. Answers are cached per context
 * for max-age, revalidated with the ETag, dropped when fincafacil.flags.changes says a flag changed,
 * and — when flags-service is unreachable — taken from the last known answers for that context, then
 * from the flag file's defaults ("modo degradado"). No method throws: a flag that cannot be evaluated
 * is off with reason ERROR. Thread-safe; the calls may block for up to one request timeout, so call
 * them from worker threads, not the event loop. Rules and settings: docs/flags-client.md.
 */
@ApplicationScoped
public class FlagsClient {

    private static final Logger LOG = Logger.getLogger(FlagsClient.class);

    private final FlagResolver resolver;
    private final FlagChangeListener listener;

    @Inject
    public FlagsClient(FlagsClientConfig config, @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig) {
        this(FlagResolver.of(config.url(), config.defaultsFile(), config.maxAge(), config.timeout(),
                config.retryAfterFailure()), config.listenForChanges() ? bootstrapServers(kafkaConfig) : null);
    }

    /** Outside CDI (tests, tools): the same client; {@code bootstrapServers} null means no change listener. */
    FlagsClient(FlagResolver resolver, String bootstrapServers) {
        this.resolver = resolver;
        this.listener = bootstrapServers == null ? null : new FlagChangeListener(bootstrapServers, this::invalidateAll);
    }

    void onStart(@Observes StartupEvent event) {
        start();
    }

    /** Starts the change listener and reads the defaults file now, so a bad file shows in the log at boot. */
    void start() {
        String problem = resolver.defaultsProblem();
        if (problem != null) {
            LOG.warnf("flags-client: no file defaults for degraded mode: %s", problem);
        }
        if (listener != null) {
            listener.start();
        }
    }

    @PreDestroy
    void stop() {
        if (listener != null) {
            listener.stop();
        }
    }

    /** Whether the flag is on for this context. Never throws; an unknown flag is off with rule flag_not_found. */
    public FlagAnswer evaluate(String flagKey, FlagContext context) {
        try {
            return resolver.answersFor(context).answer(flagKey);
        } catch (RuntimeException e) {
            return unexpected(flagKey, e);
        }
    }

    /** Every flag for this context, in flags-service's order (FASES then ALERTAS, file order). Never throws. */
    public Map<String, FlagAnswer> evaluateAll(FlagContext context) {
        try {
            return resolver.answersFor(context).all();
        } catch (RuntimeException e) {
            LOG.errorf(e, "flags-client: could not evaluate flags");
            return Map.of();
        }
    }

    /**
     * Whether alerts of this type (BAJA, MEDIA, ALTA, CRITICA) are on for the finca, by the
     * ALERTA_&lt;type&gt; flag. When that flag does not exist, the nearest lower type's flag that exists
     * decides (ALTA → MEDIA → BAJA): the seed file has no ALERTA_ALTA, so ALTA alerts follow
     * ALERTA_MEDIA. If no candidate flag exists, or the type is unknown and has no flag, false.
     */
    public boolean isAlertTypeEnabled(String alertType, FlagContext context) {
        try {
            AnswerSet answers = resolver.answersFor(context);
            List<String> candidates = AlertTypes.candidateKeys(alertType);
            return candidates.stream().filter(answers::has).findFirst()
                    .map(key -> answers.answer(key).enabled())
                    .orElse(false);
        } catch (RuntimeException e) {
            unexpected(AlertTypes.PREFIX + alertType, e);
            return false;
        }
    }

    /** "live" or "degraded", with the last success and error: put it in the service's readiness data. */
    public FlagsClientStatus status() {
        return resolver.status();
    }

    /** Makes the next call for every context revalidate with flags-service (ETag, usually a 304). */
    public void invalidateAll() {
        resolver.invalidateAll();
    }

    /** True once the change listener holds its partitions (tests wait for it before publishing). */
    boolean isListeningForChanges() {
        return listener != null && listener.isListening();
    }

    /** Change events the listener consumed; 0 without a listener. */
    long changeEventsSeen() {
        return listener == null ? 0 : listener.changesSeen();
    }

    private static FlagAnswer unexpected(String flagKey, RuntimeException e) {
        LOG.errorf(e, "flags-client: could not evaluate %s", flagKey);
        return FlagAnswer.error(flagKey, "error", "The flag could not be evaluated.", AnswerSource.LIVE);
    }

    private static String bootstrapServers(Map<String, Object> kafkaConfig) {
        Object servers = kafkaConfig.get("bootstrap.servers");
        return servers == null ? "localhost:9092" : String.valueOf(servers);
    }
}
