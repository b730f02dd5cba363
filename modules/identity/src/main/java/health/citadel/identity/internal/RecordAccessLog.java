package health.citadel.identity.internal;

import health.citadel.audit.api.AuditAction;
import health.citadel.audit.api.AuditEvent;
import health.citadel.audit.api.AuditPage;
import health.citadel.audit.api.AuditQuery;
import health.citadel.audit.api.AuditTrail;
import health.citadel.identity.api.Caller;
import health.citadel.identity.api.CallerAudit;
import health.citadel.identity.api.CurrentCaller;
import health.citadel.platform.problem.RequestRefused;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * "Who looked at my record": the staff who accessed the signed-in patient's chart, from the audit trail, named as
 * the staff directory knows them. Reading it is itself audited.
 */
@ApplicationScoped
public class RecordAccessLog {

    /** One access to the patient's chart. */
    public record RecordAccess(Instant when, String who, List<String> roles, AuditAction access, boolean breakTheGlass) {
    }

    public record RecordAccessPage(List<RecordAccess> accesses, int page, int size, boolean hasMore) {
    }

    private static final String UNKNOWN_STAFF = "a Citadel staff member";

    @Inject
    CurrentCaller currentCaller;

    @Inject
    AuditTrail trail;

    @Inject
    CallerAudit audit;

    @Inject
    StaffDirectory staffDirectory;

    /** Newest first; the patient's own accesses are left out. */
    public RecordAccessPage accesses(int page, int size) {
        Caller caller = currentCaller.get();
        if (caller.patientId() == null) {
            throw RequestRefused.notFound("no chart is linked to this login");
        }
        AuditPage events = trail.find(AuditQuery.accessesTo(caller.patientId(), page, size));
        List<AuditEvent> byOthers = events.events().stream()
                .filter(event -> !event.actorId().equals(caller.userId())).toList();
        Map<String, StaffDirectory.StaffMember> staff =
                staffDirectory.find(byOthers.stream().map(AuditEvent::actorId).distinct().toList());
        List<RecordAccess> accesses = byOthers.stream().map(event -> new RecordAccess(event.occurredAt(),
                staff.containsKey(event.actorId()) ? staff.get(event.actorId()).displayName() : UNKNOWN_STAFF,
                event.actorRoles().stream().filter(role -> !"staff".equals(role)).sorted().toList(),
                event.action(), event.action() == AuditAction.BREAK_GLASS)).toList();
        audit.of(AuditAction.READ, "RecordAccessLog").patient(caller.patientId()).success();
        return new RecordAccessPage(accesses, page, size, events.hasMore());
    }
}
