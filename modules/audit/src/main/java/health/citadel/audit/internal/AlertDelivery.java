package health.citadel.audit.internal;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Delivers alerts from the outbox to the configured webhook, with retries and exponential backoff. Nothing
 * is sent before the alert's transaction commits, and a delivered alert is never sent again, restarts
 * included, because delivery is recorded in the database.
 */
@ApplicationScoped
class AlertDelivery {

    private static final Logger LOG = Logger.getLogger(AlertDelivery.class.getName());

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    AlertDeliveryStep step;

    @Inject
    @ConfigProperty(name = "citadel.audit.alert-webhook.url")
    Optional<URI> target;

    @Inject
    @ConfigProperty(name = "citadel.audit.alert-webhook.backoff-ms", defaultValue = "500")
    long backoffMillis;

    @Inject
    @ConfigProperty(name = "citadel.audit.alert-webhook.max-backoff-seconds", defaultValue = "300")
    long maxBackoffSeconds;

    @Inject
    @ConfigProperty(name = "citadel.audit.alert-webhook.max-attempts", defaultValue = "20")
    int maxAttempts;

    private ScheduledFuture<?> delivering;

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        if (target.isEmpty()) {
            LOG.warning("No alert webhook is configured (citadel.audit.alert-webhook.url); alerts are only listed");
            return;
        }
        AlertWebhook webhook = new AlertWebhook(target.get());
        delivering = scheduler.scheduleWithFixedDelay(() -> deliverDue(webhook), 1, 250, TimeUnit.MILLISECONDS);
    }

    private void deliverDue(AlertWebhook webhook) {
        try {
            Instant now = Instant.now();
            for (AlertDeliveryStep.Pending pending : step.undelivered(maxAttempts)) {
                if (AlertDeliveryStep.due(pending, Duration.ofMillis(backoffMillis), Duration.ofSeconds(maxBackoffSeconds), now)) {
                    step.deliver(pending.alert(), webhook);
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Alert delivery failed; retrying: {0}", e.getClass().getName());
        }
    }

    @PreDestroy
    void stop() {
        if (delivering != null) {
            delivering.cancel(false);
        }
    }
}
