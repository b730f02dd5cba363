package health.citadel.audit.internal;

import health.citadel.platform.background.BackgroundWork;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Links newly committed events into the chain a few times a second, in the background, and hands each checkpoint
 * to the witness once its transaction has committed.
 */
@ApplicationScoped
class AuditChainer {

    @Inject
    BackgroundWork background;

    @Inject
    ChainStep step;

    @Inject
    CheckpointWitnesses witnesses;

    @Inject
    @ConfigProperty(name = "citadel.audit.chain-interval-ms", defaultValue = "250")
    long intervalMillis;

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        background.every(Duration.ofMillis(intervalMillis), "Audit chaining", () -> {
            // a full batch means a backlog: keep going; otherwise wait for the next tick, so that under load
            // each batch carries a tick's worth of events rather than one or two
            ChainStep.Linked linked;
            do {
                linked = step.linkPending();
                if (linked.checkpoint() != null) {
                    witnesses.witness(linked.checkpoint());
                }
            } while (linked.events() >= ChainLinker.BATCH);
        });
    }
}
