package health.citadel.audit.internal;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Links newly committed events into the chain a few times a second, in the background. */
@ApplicationScoped
class AuditChainer {

    private static final Logger LOG = Logger.getLogger(AuditChainer.class.getName());

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    ChainStep step;

    @Inject
    @ConfigProperty(name = "citadel.audit.chain-interval-ms", defaultValue = "250")
    long intervalMillis;

    private ScheduledFuture<?> linking;

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        linking = scheduler.scheduleWithFixedDelay(this::linkQuietly, intervalMillis, intervalMillis, TimeUnit.MILLISECONDS);
    }

    private void linkQuietly() {
        try {
            while (step.linkPending() > 0) {
                // keep going while there is a backlog
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Audit chaining failed; retrying: {0}", e.getClass().getName());
        }
    }

    @PreDestroy
    void stop() {
        if (linking != null) {
            linking.cancel(false);
        }
    }
}
