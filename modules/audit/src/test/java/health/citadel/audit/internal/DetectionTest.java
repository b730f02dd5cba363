package health.citadel.audit.internal;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import health.citadel.audit.api.AuditAction;
import health.citadel.audit.api.AuditEvent;
import health.citadel.audit.api.AuditOutcome;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DetectionTest {

    /** A connection that fails any use: what detection asks of the database shows as a failure. */
    private static final Connection UNTOUCHABLE = (Connection) Proxy.newProxyInstance(
            DetectionTest.class.getClassLoader(), new Class<?>[] {Connection.class}, (proxy, method, arguments) -> {
                throw new AssertionError("the database was asked: " + method.getName());
            });

    /**
     * A busy clinician's reads are thousands of events in a window; the rules about denials and exports must not
     * load that history for events they could never flag (at a million events it was the database's main load).
     */
    @Test
    void historyIsNotLoadedForEventsNoRuleCouldFlag() throws Exception {
        Detection detection = new Detection(List.of(new AlertRules.RepeatedDenials(5, Duration.ofMinutes(10)),
                new AlertRules.BulkExport(3, Duration.ofHours(1))));

        assertTrue(detection.raise(UNTOUCHABLE, List.of(event(AuditAction.READ, AuditOutcome.SUCCESS))).isEmpty());
        assertThrows(AssertionError.class,
                () -> detection.raise(UNTOUCHABLE, List.of(event(AuditAction.READ, AuditOutcome.DENIED))),
                "a denial is looked into");
    }

    private static AuditEvent event(AuditAction action, AuditOutcome outcome) {
        return new AuditEvent(UUID.randomUUID(), Instant.parse("2026-11-17T10:00:00Z"), "actor-1", Set.of("physician"),
                "citadel-portal", action, "Chart", null, UUID.randomUUID(), outcome, "127.0.0.1", null, null, false);
    }
}
