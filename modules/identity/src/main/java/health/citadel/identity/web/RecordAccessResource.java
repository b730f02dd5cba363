package health.citadel.identity.web;

import health.citadel.audit.api.AuditAction;
import health.citadel.audit.api.AuditEvent;
import health.citadel.audit.api.AuditLog;
import health.citadel.audit.api.AuditOutcome;
import health.citadel.audit.api.AuditPage;
import health.citadel.audit.api.AuditQuery;
import health.citadel.audit.api.AuditTrail;
import health.citadel.identity.api.Caller;
import health.citadel.identity.api.CallerEvents;
import health.citadel.identity.api.CurrentCaller;
import health.citadel.identity.api.Permission;
import health.citadel.identity.api.RequiresPermission;
import health.citadel.identity.internal.StaffDirectory;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import health.citadel.platform.problem.RequestRefused;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** "Who looked at my record": a patient's view of the staff who accessed their chart. */
@Path("/v1/me/record-access")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class RecordAccessResource {

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
    AuditLog auditLog;

    @Inject
    CallerEvents callerEvents;

    @Inject
    StaffDirectory staffDirectory;

    @GET
    @RequiresPermission(Permission.READ_OWN_ACCESS_LOG)
    @Operation(summary = "Who looked at my record", description = "For a patient: the staff who accessed their "
            + "chart, when, how, and whether break-the-glass was used. Newest first.")
    public RecordAccessPage accesses(@QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                     @QueryParam("size") @DefaultValue("50") @Min(1) @Max(AuditQuery.MAX_PAGE_SIZE) int size) {
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
        auditLog.record(callerEvents.describe(AuditAction.READ, "RecordAccessLog", null, caller.patientId(),
                AuditOutcome.SUCCESS, null));
        return new RecordAccessPage(accesses, page, size, events.hasMore());
    }
}
