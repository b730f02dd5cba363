package health.citadel.identity.internal;

import health.citadel.audit.api.AuditAction;
import health.citadel.audit.api.AuditLog;
import health.citadel.audit.api.AuditOutcome;
import health.citadel.identity.api.Caller;
import health.citadel.identity.api.CallerEvents;
import health.citadel.identity.api.CurrentCaller;
import health.citadel.identity.api.StepUpRequired;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import health.citadel.platform.problem.RequestRefused;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Opening a chart outside one's care team in an emergency: with a reason and a recent second factor, for a
 * short time. Every grant is audited as BREAK_GLASS (which raises an alert) and waits for an auditor's review.
 */
@ApplicationScoped
public class BreakGlassService {

    @Inject
    BreakGlassGrants grants;

    @Inject
    CurrentCaller currentCaller;

    @Inject
    SecondFactor secondFactor;

    @Inject
    AuditLog auditLog;

    @Inject
    CallerEvents callerEvents;

    @Inject
    @ConfigProperty(name = "citadel.identity.break-glass.duration", defaultValue = "PT60M")
    Duration duration;

    @Transactional
    public BreakGlassGrants.Grant open(UUID patientId, String reason) {
        Caller caller = currentCaller.get();
        if (!secondFactor.recent(caller)) {
            throw new StepUpRequired();
        }
        Instant now = Instant.now();
        var grant = new BreakGlassGrants.Grant(UUID.randomUUID(), caller.userId(), patientId, reason, now,
                now.plus(duration), null, null, null, null, null);
        grants.insert(grant);
        auditLog.record(callerEvents.describe(AuditAction.BREAK_GLASS, "BreakGlassGrant", grant.id().toString(),
                patientId, AuditOutcome.SUCCESS, reason));
        return grant;
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
        auditLog.record(callerEvents.describe(AuditAction.BREAK_GLASS, "BreakGlassGrant", id.toString(),
                grant.patientId(), AuditOutcome.SUCCESS, "revoked"));
        return grants.find(id).orElseThrow();
    }

    @Transactional
    public BreakGlassGrants.Grant review(UUID id, BreakGlassGrants.ReviewOutcome outcome, String note) {
        BreakGlassGrants.Grant grant = grants.find(id).orElseThrow(() -> RequestRefused.notFound("no such grant"));
        if (grant.reviewedAt() != null) {
            throw RequestRefused.conflict("the grant has already been reviewed");
        }
        grants.review(id, currentCaller.get().userId(), outcome, note, Instant.now());
        auditLog.record(callerEvents.describe(AuditAction.ADMIN_ACCESS_REVIEW, "BreakGlassGrant", id.toString(),
                grant.patientId(), AuditOutcome.SUCCESS, outcome.name()));
        return grants.find(id).orElseThrow();
    }
}
