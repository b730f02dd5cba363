package health.citadel.audit.internal;

import health.citadel.platform.background.BackgroundWork;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/**
 * Verifies the audit chain end to end on a schedule, so that tampering is alerted on without waiting for an
 * auditor to ask, and publishes whether the latest verification (this one's or an auditor's) found it broken.
 */
@ApplicationScoped
class ChainWatch {

    private static final Metadata BROKEN = Metadata.builder().withName("citadel_audit_chain_broken")
            .withDescription("1 when the latest verification of the audit chain on this instance found it broken"
                    + " (a link, seal, checkpoint or witness that does not hold), else 0").build();

    @Inject
    BackgroundWork background;

    @Inject
    VerifiedAuditChain chain;

    @Inject
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    MetricRegistry metrics;

    /** Verification reads the whole chain: hourly by default keeps that cost small against the chaining itself. */
    @Inject
    @ConfigProperty(name = "citadel.audit.verify-interval", defaultValue = "PT1H")
    Duration interval;

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        metrics.gauge(BROKEN, chain, verified -> verified.brokenAtLastCheck() ? 1 : 0);
        background.every(interval, "Audit chain verification", chain::verify);
    }
}
