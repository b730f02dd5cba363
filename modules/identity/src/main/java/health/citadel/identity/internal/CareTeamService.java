package health.citadel.identity.internal;

import health.citadel.audit.api.AuditAction;
import health.citadel.audit.api.AuditLog;
import health.citadel.audit.api.AuditOutcome;
import health.citadel.identity.api.CallerEvents;
import health.citadel.identity.api.CurrentCaller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import health.citadel.platform.problem.RequestRefused;
import java.time.Instant;
import java.util.UUID;

/** Changes to care teams: each one commits with its audit event, or not at all. */
@ApplicationScoped
public class CareTeamService {

    @Inject
    CareTeams careTeams;

    @Inject
    CurrentCaller currentCaller;

    @Inject
    AuditLog auditLog;

    @Inject
    CallerEvents callerEvents;

    @Transactional
    public CareTeams.Assignment assign(String clinicianId, UUID patientId, Instant startsAt, Instant endsAt) {
        Instant now = Instant.now();
        var assignment = new CareTeams.Assignment(UUID.randomUUID(), clinicianId, patientId,
                startsAt == null ? now : startsAt, endsAt, currentCaller.get().userId(), now);
        careTeams.insert(assignment);
        auditLog.record(callerEvents.describe(AuditAction.ADMIN_CARE_TEAM, "CareTeamAssignment",
                assignment.id().toString(), patientId, AuditOutcome.SUCCESS, "assigned"));
        return assignment;
    }

    @Transactional
    public CareTeams.Assignment end(UUID id) {
        CareTeams.Assignment assignment = careTeams.find(id)
                .orElseThrow(() -> RequestRefused.notFound("no such care-team assignment"));
        Instant now = Instant.now();
        if (assignment.endsAt() != null && !assignment.endsAt().isAfter(now)) {
            throw RequestRefused.conflict("the assignment has already ended");
        }
        careTeams.end(id, now);
        auditLog.record(callerEvents.describe(AuditAction.ADMIN_CARE_TEAM, "CareTeamAssignment", id.toString(),
                assignment.patientId(), AuditOutcome.SUCCESS, "ended"));
        return careTeams.find(id).orElseThrow();
    }
}
