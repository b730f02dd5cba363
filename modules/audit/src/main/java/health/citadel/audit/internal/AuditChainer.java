package health.citadel.audit.internal;

import health.citadel.audit.api.AuditAction;
import health.citadel.audit.api.AuditOutcome;
import health.citadel.platform.background.BackgroundWork;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/**
 * Links newly committed events into the chain a few times a second, in the background, and hands each checkpoint
 * to the witness once its transaction has committed.
 */
@ApplicationScoped
class AuditChainer {

    private static final Metadata CHECKPOINT_AGE = Metadata.builder()
            .withName("citadel_audit_witness_checkpoint_age_seconds")
            .withDescription("Seconds since this instance's witness last received a checkpoint (since start if none):"
                    + " an unchanged head is signed again every checkpoint interval, so this stays below it").build();
    private static final Metadata EVENTS = Metadata.builder().withName("citadel_audit_events")
            .withDescription("Audit events linked into the chain, by action and outcome: denials, break-the-glass,"
                    + " switchovers and failovers as the audit trail has them").build();

    @Inject
    BackgroundWork background;

    @Inject
    ChainStep step;

    @Inject
    CheckpointWitnesses witnesses;

    @Inject
    @ConfigProperty(name = "citadel.audit.chain-interval-ms", defaultValue = "250")
    long intervalMillis;

    @Inject
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    MetricRegistry metrics;

    /** Each action's counter by outcome, looked up once: the registry's lookup cost more than linking an event. */
    private final Map<AuditAction, Map<AuditOutcome, Counter>> counters = new EnumMap<>(AuditAction.class);

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        metrics.gauge(CHECKPOINT_AGE, witnesses, CheckpointWitnesses::newestCheckpointAgeSeconds);
        // every action and outcome from zero: a bounded set of series (no person, patient or resource in a label),
        // and rate() counts an action's first event, which a series born with it would lose
        for (AuditAction action : AuditAction.values()) {
            Map<AuditOutcome, Counter> byOutcome = new EnumMap<>(AuditOutcome.class);
            for (AuditOutcome outcome : AuditOutcome.values()) {
                byOutcome.put(outcome, metrics.counter(EVENTS, new Tag("action", action.name()),
                        new Tag("outcome", outcome.name())));
            }
            counters.put(action, byOutcome);
        }
        background.every(Duration.ofMillis(intervalMillis), "Audit chaining", () -> {
            // a full batch means a backlog: keep going; otherwise wait for the next tick, so that under load
            // each batch carries a tick's worth of events rather than one or two
            ChainStep.Linked linked;
            do {
                linked = step.linkPending();
                if (linked.checkpoint() != null) {
                    witnesses.witness(linked.checkpoint());
                }
                // counted once committed: a rolled-back step links the same events again
                linked.events().forEach(event -> counters.get(event.action()).get(event.outcome()).inc());
            } while (linked.events().size() >= ChainLinker.BATCH);
        });
    }
}
