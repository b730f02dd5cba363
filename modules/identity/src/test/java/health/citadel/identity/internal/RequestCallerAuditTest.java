package health.citadel.identity.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import health.citadel.audit.api.AuditAction;
import health.citadel.audit.api.AuditEvent;
import health.citadel.audit.api.AuditLog;
import health.citadel.audit.api.AuditOutcome;
import health.citadel.identity.api.Caller;
import health.citadel.identity.api.CallerAudit;
import health.citadel.identity.api.Permission;
import health.citadel.identity.api.Role;
import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The outcome of an entry chooses its transaction, and every field of the caller and the request reaches it. */
class RequestCallerAuditTest {

    private static final Caller PHYSICIAN = new Caller("physician-1", Set.of(Role.PHYSICIAN, Role.NURSE),
            Set.of(Permission.READ_CLINICAL), true, null, "citadel-portal", null);
    private static final UUID PATIENT = UUID.fromString("00000000-0000-0000-0000-00000000000a");

    /** What the audit log was asked to record, by the transaction it was asked to use. */
    private final List<AuditEvent> withTheCaller = new ArrayList<>();
    private final List<AuditEvent> regardless = new ArrayList<>();

    private final CallerAudit audit = audit(PHYSICIAN);

    @Test
    void aSuccessJoinsTheCallersTransactionWithEveryField() {
        AuditEvent event = audit.of(AuditAction.READ, "ChartEntry").resource("entry-1").patient(PATIENT)
                .restrictedPatient(true).success("follow-up");

        assertEquals(List.of(event), withTheCaller);
        assertTrue(regardless.isEmpty());
        assertEquals("physician-1", event.actorId());
        assertEquals(Set.of("nurse", "physician"), event.actorRoles());
        assertEquals("citadel-portal", event.clientId());
        assertEquals(AuditAction.READ, event.action());
        assertEquals("ChartEntry", event.resourceType());
        assertEquals("entry-1", event.resourceId());
        assertEquals(PATIENT, event.patientId());
        assertTrue(event.restrictedPatient());
        assertEquals(AuditOutcome.SUCCESS, event.outcome());
        assertEquals("192.0.2.7", event.sourceIp());
        assertEquals("request-7", event.requestId());
        assertEquals("follow-up", event.reason());
    }

    @Test
    void aDenialCommitsOnItsOwn() {
        AuditEvent event = audit.of(AuditAction.DENIED, "Patient").patient(PATIENT).denied("not on the care team");

        assertEquals(List.of(event), regardless);
        assertTrue(withTheCaller.isEmpty());
        assertEquals(AuditOutcome.DENIED, event.outcome());
        assertEquals("not on the care team", event.reason());
        assertEquals(PATIENT, event.patientId());
    }

    @Test
    void aFailureCommitsOnItsOwn() {
        AuditEvent event = audit.of(AuditAction.READ, "chart_entry").resource("row-1").failed("tampered");

        assertEquals(List.of(event), regardless);
        assertTrue(withTheCaller.isEmpty());
        assertEquals(AuditOutcome.FAILED, event.outcome());
        assertEquals("tampered", event.reason());
    }

    @Test
    void aFailureTheOperationCarriesOnPastCommitsWithIt() {
        AuditEvent event = audit.of(AuditAction.KEY_ROTATION, "Patient").failedButCarriedOn("skipped");

        assertEquals(List.of(event), withTheCaller);
        assertTrue(regardless.isEmpty());
        assertEquals(AuditOutcome.FAILED, event.outcome());
    }

    @Test
    void eachEntryStartsAfreshAndNamesNothingItWasNotTold() {
        AuditEvent first = audit.of(AuditAction.READ, "ChartEntry").resource("entry-1").patient(PATIENT)
                .restrictedPatient(true).success("follow-up");
        AuditEvent second = audit.of(AuditAction.SEARCH, "AuditLog").success();

        assertNotEquals(first.id(), second.id());
        assertNull(second.resourceId());
        assertNull(second.patientId());
        assertFalse(second.restrictedPatient());
        assertNull(second.reason());
    }

    @Test
    void aCallerNotYetAuthorizedIsNamedAsGiven() {
        var unauthorized = (RequestCallerAudit) audit(null);

        AuditEvent event = unauthorized.by(PHYSICIAN, AuditAction.DENIED, PermissionCheck.OPERATION)
                .resource("GET /patients").denied("this operation needs the permission READ_AUDIT_LOG");

        assertEquals(List.of(event), regardless);
        assertEquals("physician-1", event.actorId());
        assertEquals("request-7", event.requestId());
    }

    private CallerAudit audit(Caller authorized) {
        RequestCallerAudit audit = new RequestCallerAudit();
        audit.currentCaller = new RequestCaller();
        if (authorized != null) {
            ((RequestCaller) audit.currentCaller).set(authorized);
        }
        audit.auditLog = new AuditLog() {
            @Override
            public void record(AuditEvent event) {
                withTheCaller.add(event);
            }

            @Override
            public void recordRegardless(AuditEvent event) {
                regardless.add(event);
            }
        };
        audit.request = request("192.0.2.7", "request-7");
        return audit;
    }

    /** A servlet request from {@code address}, carrying the request id that {@code RequestIds} gave it. */
    private static HttpServletRequest request(String address, String requestId) {
        return (HttpServletRequest) Proxy.newProxyInstance(HttpServletRequest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getRemoteAddr" -> address;
                    case "getAttribute" -> requestId;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
