package health.citadel.identity.internal;

import health.citadel.audit.api.AuditAction;
import health.citadel.identity.api.CallerAudit;
import health.citadel.identity.api.CurrentCaller;
import health.citadel.identity.api.KnownPatients;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import health.citadel.platform.problem.RequestRefused;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Changes to care teams: each one commits with its audit event, or not at all. */
@ApplicationScoped
public class CareTeamService {

    @Inject
    CareTeams careTeams;

    @Inject
    CurrentCaller currentCaller;

    @Inject
    CallerAudit audit;

    @Inject
    KnownPatients knownPatients;

    @Inject
    Clinicians clinicians;

    /** How far in the past an assignment may start: care given last night is recorded this morning. */
    @Inject
    @ConfigProperty(name = "citadel.identity.care-team.backdate", defaultValue = "PT24H")
    Duration backdate;

    /**
     * Assigns a clinician of the realm to a registered patient, from {@code startsAt} (now if null), which may lie
     * at most {@link #backdate} in the past, so that no assignment makes an earlier access look justified.
     */
    @Transactional
    public CareTeams.Assignment assign(String clinicianId, UUID patientId, Instant startsAt, Instant endsAt) {
        Instant now = Instant.now();
        Instant start = startsAt == null ? now : startsAt;
        if (start.isBefore(now.minus(backdate))) {
            throw RequestRefused.badRequest("startsAt: may lie at most " + backdate + " in the past");
        }
        if (endsAt != null && !endsAt.isAfter(start)) {
            throw RequestRefused.badRequest("endsAt: must be after startsAt");
        }
        if (!knownPatients.registered(patientId)) {
            throw RequestRefused.notFound("patientId: no such patient");
        }
        clinicians.require(clinicianId);
        var assignment = new CareTeams.Assignment(UUID.randomUUID(), clinicianId, patientId, start, endsAt,
                currentCaller.get().userId(), now);
        careTeams.insert(assignment);
        audit.of(AuditAction.ADMIN_CARE_TEAM, "CareTeamAssignment").resource(assignment.id().toString())
                .patient(patientId).success("assigned");
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
        audit.of(AuditAction.ADMIN_CARE_TEAM, "CareTeamAssignment").resource(id.toString())
                .patient(assignment.patientId()).success("ended");
        return careTeams.find(id).orElseThrow();
    }
}
