package health.citadel.audit.internal;

import health.citadel.platform.background.BackgroundWork;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/**
 * Delivers alerts from the outbox to the configured webhook, with retries and exponential backoff, and the
 * newest audit checkpoint as the chain's second witness. Nothing
 * is sent before the alert's transaction commits, and a delivered alert is never sent again, restarts
 * included, because delivery is recorded in the database.
 */
@ApplicationScoped
class AlertDelivery {

    private static final Logger LOG = Logger.getLogger(AlertDelivery.class.getName());
    private static final Metadata BACKLOG = Metadata.builder().withName("citadel_audit_alert_outbox_backlog")
            .withDescription("Alerts not yet delivered to the webhook and still being retried, as of the latest"
                    + " poll (a poll reads at most " + AlertDeliveryStep.POLL + ")").build();

    /** Trusts the authorities the hospital configured (platform.tls.OutboundTrust). */
    @Inject
    HttpClient http;

    @Inject
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    MetricRegistry metrics;

    private volatile int backlog;

    @Inject
    BackgroundWork background;

    @Inject
    AlertDeliveryStep step;

    @Inject
    CheckpointDelivery checkpoints;

    @Inject
    @ConfigProperty(name = "citadel.audit.alert-webhook.url")
    Optional<URI> target;

    /** Standard Webhooks' {@code whsec_} and base64; without it deliveries go unsigned, with a warning at start. */
    @Inject
    @ConfigProperty(name = "citadel.audit.alert-webhook.secret")
    Optional<String> secret;

    @Inject
    @ConfigProperty(name = "citadel.audit.alert-webhook.backoff-ms", defaultValue = "500")
    long backoffMillis;

    @Inject
    @ConfigProperty(name = "citadel.audit.alert-webhook.max-backoff-seconds", defaultValue = "300")
    long maxBackoffSeconds;

    @Inject
    @ConfigProperty(name = "citadel.audit.alert-webhook.max-attempts", defaultValue = "20")
    int maxAttempts;

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        // both exist from the start, webhook or not, so that an alert rule on them has a series to watch
        metrics.gauge(BACKLOG, () -> backlog);
        metrics.counter(AlertDeliveryStep.FAILED);
        if (target.isEmpty()) {
            LOG.warning("No alert webhook is configured (citadel.audit.alert-webhook.url); alerts are only listed,"
                    + " and the audit checkpoints are witnessed by the local file alone");
            return;
        }
        if (secret.isEmpty()) {
            LOG.warning("No alert webhook secret is configured (citadel.audit.alert-webhook.secret): deliveries are not"
                    + " signed, and a receiver cannot tell them from forgeries");
        }
        AlertWebhook webhook = new AlertWebhook(target.get(), secret.map(WebhookSignature::new), http);
        background.every(Duration.ofMillis(250), "Alert delivery", () -> deliverDue(webhook));
        background.every(Duration.ofSeconds(1), "Audit checkpoint delivery", () -> checkpoints.deliverNewest(webhook));
    }

    private void deliverDue(AlertWebhook webhook) {
        Instant now = Instant.now();
        // no alert older than every attempt at the longest backoff can still be due
        Instant retryHorizon = now.minus(Duration.ofSeconds(maxBackoffSeconds).multipliedBy(maxAttempts));
        List<AlertDeliveryStep.Pending> undelivered = step.undelivered(maxAttempts, retryHorizon);
        backlog = undelivered.size();
        for (AlertDeliveryStep.Pending pending : undelivered) {
            if (AlertDeliveryStep.due(pending, Duration.ofMillis(backoffMillis), Duration.ofSeconds(maxBackoffSeconds), now)) {
                step.deliver(pending.alert(), webhook);
            }
        }
    }
}
