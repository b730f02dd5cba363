package health.citadel.identity.internal;

import health.citadel.audit.api.AuditAction;
import health.citadel.identity.api.Caller;
import health.citadel.identity.api.CallerAudit;
import health.citadel.identity.api.CurrentCaller;
import health.citadel.identity.api.KnownPatients;
import health.citadel.identity.api.StepUpRequired;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import health.citadel.platform.problem.RequestRefused;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/**
 * Opening a chart outside one's care team in an emergency: with a reason and a recent second factor, for a
 * short time, for a registered patient, one open grant per clinician and patient. Every grant is audited as
 * BREAK_GLASS (which raises an alert) and waits for an auditor's review; every refusal is audited too.
 */
@ApplicationScoped
public class BreakGlassService {

    /** A reason says why in at least this many characters other than spaces. */
    static final int MIN_REASON = 20;
    /** No labels: who opened a grant, and for whom, belongs in the audit trail, never in a metric. */
    private static final Metadata GRANTS = Metadata.builder().withName("citadel_identity_break_glass_grants")
            .withDescription("Break-the-glass grants opened on this instance").build();

    @Inject
    BreakGlassGrants grants;

    @Inject
    CurrentCaller currentCaller;

    @Inject
    SecondFactor secondFactor;

    @Inject
    CallerAudit audit;

    @Inject
    KnownPatients knownPatients;

    @Inject
    @ConfigProperty(name = "citadel.identity.break-glass.duration", defaultValue = "PT60M")
    Duration duration;

    @Inject
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    MetricRegistry metrics;

    /** Registered at start, so that the security dashboard and alert see a zero rather than no series. */
    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        metrics.counter(GRANTS);
    }

    @Transactional
    public BreakGlassGrants.Grant open(UUID patientId, String reason) {
        Caller caller = currentCaller.get();
        if (!secondFactor.recent(caller)) {
            throw new StepUpRequired();
        }
        if (reason.codePoints().filter(c -> !Character.isWhitespace(c)).count() < MIN_REASON) {
            throw refused(patientId, null, RequestRefused.badRequest(
                    "reason: must hold at least " + MIN_REASON + " characters other than spaces"));
        }
        if (!knownPatients.registered(patientId)) {
            throw refused(patientId, null, RequestRefused.notFound("patientId: no such patient"));
        }
        grants.holdOpeningsOf(caller.userId(), patientId);
        Instant now = Instant.now();
        var open = grants.openAt(caller.userId(), patientId, now);
        if (open.isPresent()) {
            throw refused(patientId, open.get().id(), RequestRefused.conflict("patientId: your grant " + open.get().id()
                    + " for this patient is still open"));
        }
        var grant = new BreakGlassGrants.Grant(UUID.randomUUID(), caller.userId(), patientId, reason, now,
                now.plus(duration), null, null, null, null, null);
        grants.insert(grant);
        audit.of(AuditAction.BREAK_GLASS, "BreakGlassGrant").resource(grant.id().toString()).patient(patientId)
                .success(reason);
        metrics.counter(GRANTS).inc();
        return grant;
    }

    /**
     * Audits a refused opening in a transaction of its own, so that it outlives the request's rollback. It is
     * FAILED, not DENIED or a BREAK_GLASS success, so no alert rule counts it: refusals cannot flood the alerts.
     * The event keeps our refusal, not the clinician's reason.
     */
    private RequestRefused refused(UUID patientId, UUID openGrant, RequestRefused refusal) {
        audit.of(AuditAction.BREAK_GLASS, "BreakGlassGrant").resource(Objects.toString(openGrant, null))
                .patient(patientId).failed(refusal.getMessage());
        return refusal;
    }

    /** Only the clinician who opened a grant closes it early. */
    @Transactional
    public BreakGlassGrants.Grant revoke(UUID id) {
        BreakGlassGrants.Grant grant = grants.find(id)
                .filter(found -> found.clinicianId().equals(currentCaller.get().userId()))
                .orElseThrow(() -> RequestRefused.notFound("no such grant of yours"));
        Instant now = Instant.now();
        if (grant.revokedAt() != null || !grant.expiresAt().isAfter(now)) {
            throw RequestRefused.conflict("the grant has already ended");
        }
        grants.revoke(id, now);
        audit.of(AuditAction.BREAK_GLASS, "BreakGlassGrant").resource(id.toString()).patient(grant.patientId())
                .success("revoked");
        return grants.find(id).orElseThrow();
    }

    @Transactional
    public BreakGlassGrants.Grant review(UUID id, BreakGlassGrants.ReviewOutcome outcome, String note) {
        BreakGlassGrants.Grant grant = grants.find(id).orElseThrow(() -> RequestRefused.notFound("no such grant"));
        if (grant.reviewedAt() != null) {
            throw RequestRefused.conflict("the grant has already been reviewed");
        }
        grants.review(id, currentCaller.get().userId(), outcome, note, Instant.now());
        audit.of(AuditAction.ADMIN_ACCESS_REVIEW, "BreakGlassGrant").resource(id.toString())
                .patient(grant.patientId()).success(outcome.name());
        return grants.find(id).orElseThrow();
    }
}
