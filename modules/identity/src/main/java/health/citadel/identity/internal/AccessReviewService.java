package health.citadel.identity.internal;

import health.citadel.audit.api.AuditAction;
import health.citadel.audit.api.AuditEvent;
import health.citadel.audit.api.AuditLog;
import health.citadel.audit.api.AuditOutcome;
import health.citadel.identity.api.CallerAudit;
import health.citadel.identity.api.CurrentCaller;
import health.citadel.identity.internal.AccessReview.Kind;
import health.citadel.identity.internal.AccessReview.Trigger;
import health.citadel.platform.background.BackgroundWork;
import health.citadel.platform.problem.RequestRefused;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiConsumer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/**
 * The automated access review: daily by default and on an administrator's demand, it reads the realm and the
 * break-the-glass register, keeps what it found, audits the run and publishes the open findings as a metric.
 */
@ApplicationScoped
public class AccessReviewService {

    /** The actor of scheduled runs in the audit log: a service, not a person. */
    static final String SCHEDULER = "citadel:access-review";

    private static final Metadata OPEN_FINDINGS = Metadata.builder()
            .withName("citadel_identity_access_review_open_findings")
            .withDescription("Findings of the latest access review, by kind").build();

    @Inject
    RealmDirectory realm;

    @Inject
    BreakGlassGrants grants;

    @Inject
    AccessReviews reviews;

    @Inject
    AuditLog auditLog;

    @Inject
    CallerAudit audit;

    @Inject
    CurrentCaller currentCaller;

    @Inject
    BackgroundWork background;

    @Inject
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    MetricRegistry metrics;

    @Inject
    @ConfigProperty(name = "citadel.identity.access-review.dormancy", defaultValue = "P90D")
    Duration dormancy;

    @Inject
    @ConfigProperty(name = "citadel.identity.access-review.break-glass-review-deadline", defaultValue = "P7D")
    Duration reviewDeadline;

    @Inject
    @ConfigProperty(name = "citadel.identity.access-review.interval", defaultValue = "P1D")
    Duration interval;

    /** How often the scheduler asks whether a review is due; restarts therefore never skip one. */
    @Inject
    @ConfigProperty(name = "citadel.identity.access-review.check-interval", defaultValue = "PT5M")
    Duration checkInterval;

    private volatile Map<Kind, Integer> openFindings = new EnumMap<>(Kind.class);

    void start(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        for (Kind kind : Kind.values()) {
            metrics.gauge(OPEN_FINDINGS, () -> openFindings.getOrDefault(kind, 0), new Tag("kind", kind.name()));
        }
        background.every(checkInterval, "Access review", this::runIfDue);
    }

    /** Runs on a steady cadence: runs on demand in between neither delay nor replace the scheduled one. */
    void runIfDue() {
        reviews.latest().ifPresent(this::publish);
        Optional<Instant> lastScheduled = reviews.lastStart(Trigger.SCHEDULED);
        if (lastScheduled.isEmpty() || lastScheduled.get().isBefore(Instant.now().minus(interval))) {
            run(Trigger.SCHEDULED, null, new RunAudit(
                    (runId, reason) -> auditLog.record(scheduled(runId).outcome(AuditOutcome.SUCCESS).reason(reason)
                            .build()),
                    (runId, reason) -> auditLog.recordRegardless(scheduled(runId).outcome(AuditOutcome.FAILED)
                            .reason(reason).build())));
        }
    }

    /** A review run now at an administrator's request. */
    public AccessReview runNow() {
        try {
            return run(Trigger.ON_DEMAND, currentCaller.get().userId(), new RunAudit(
                    (runId, reason) -> requested(runId).success(reason),
                    (runId, reason) -> requested(runId).failed(reason)));
        } catch (KeycloakRealmDirectory.RealmUnavailable e) {
            throw new RequestRefused(Response.Status.SERVICE_UNAVAILABLE, "the identity provider cannot be read now");
        }
    }

    private static AuditEvent.Builder scheduled(String runId) {
        return AuditEvent.by(SCHEDULER, AuditAction.ADMIN_ACCESS_REVIEW, "AccessReview").resource(runId);
    }

    private CallerAudit.Entry requested(String runId) {
        return audit.of(AuditAction.ADMIN_ACCESS_REVIEW, "AccessReview").resource(runId);
    }

    /**
     * How a run is audited, by the actor of its trigger (the scheduler or the administrator), each given the run's
     * id and a reason: a success with the saved review, a failure on its own.
     */
    private record RunAudit(BiConsumer<String, String> succeeded, BiConsumer<String, String> failed) {
    }

    private AccessReview run(Trigger trigger, String requestedBy, RunAudit audited) {
        UUID id = UUID.randomUUID();
        Instant started = Instant.now();
        AccessReview review;
        try {
            var settings = new AccessReviewRules.Settings(dormancy, reviewDeadline);
            RealmDirectory.Realm read = realm.read(started.minus(dormancy));
            var findings = AccessReviewRules.findings(settings, started, read.loginEvents(), read.accounts(),
                    read.lastLogins(), grants.unreviewedSince(started.minus(reviewDeadline)));
            review = new AccessReview(id, started, Instant.now(), trigger, requestedBy, findings);
        } catch (RuntimeException e) {
            // a review that could not run is itself worth an auditor's attention
            audited.failed().accept(id.toString(), "the review could not read its sources");
            throw e;
        }
        reviews.save(review, () -> audited.succeeded().accept(id.toString(), trigger.name()));
        publish(review);
        return review;
    }

    private void publish(AccessReview review) {
        Map<Kind, Integer> counts = new EnumMap<>(Kind.class);
        review.findings().forEach(finding -> counts.merge(finding.kind(), 1, Integer::sum));
        openFindings = counts;
    }
}
