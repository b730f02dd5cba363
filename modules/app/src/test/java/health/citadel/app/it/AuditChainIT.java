package health.citadel.app.it;

import static health.citadel.app.it.AuditChains.FORBIDDEN_TO_PHYSICIANS;
import static health.citadel.app.it.AuditChains.LINKER_LOCK;
import static health.citadel.app.it.AuditChains.apiVerify;
import static health.citadel.app.it.AuditChains.cliVerify;
import static health.citadel.app.it.AuditChains.deniedRequests;
import static health.citadel.app.it.AuditChains.eventAt;
import static health.citadel.app.it.AuditChains.length;
import static health.citadel.app.it.AuditChains.quietChain;
import static health.citadel.app.it.Request.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The audit log on the real stack: denials survive their failed request, the log is append-only, a long
 * untouched chain verifies, and each kind of tampering a superuser can do is found at the right position.
 * Tampering is checked with {@code bin/citadel audit verify}, which writes no event of its own.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AuditChainIT {

    /**
     * How soon after the last request the chain must be complete. Concurrent requests commit out of order, so
     * linking has to come back for the sequence numbers it skipped; if it left them to its once-a-minute sweep,
     * the chain would lag by up to a minute.
     */
    private static final Duration CATCH_UP = Duration.ofSeconds(15);
    private final Stack stack = Stack.get();

    @Test
    @Order(1)
    void aDenialIsRecordedThoughItsRequestFailed() throws Exception {
        HttpResponse<String> denied = as(Tokens.of("dr.house")).get(FORBIDDEN_TO_PHYSICIANS).send();
        assertEquals(403, denied.statusCode());
        String requestId = denied.headers().firstValue("X-Request-Id").orElseThrow();

        try (Connection a = Regions.dba("a")) {
            List<String> events = Regions.strings(a, "SELECT action || ' ' || outcome || ' ' || resource_type || ' '"
                    + " || resource_id FROM audit.access_event WHERE request_id = ?", requestId);
            assertEquals(List.of("DENIED DENIED ApiOperation GET /v1/identity/roles"), events);
        }
    }

    @Test
    @Order(2)
    void theLogIsAppendOnlyForTheApplicationAndForMistakes() throws SQLException {
        try (Connection a = Regions.dba("a")) {
            a.setAutoCommit(false);
            a.createStatement().execute("SET LOCAL ROLE citadel_app");
            SQLException byApplication = assertThrows(SQLException.class,
                    () -> a.createStatement().executeUpdate("UPDATE audit.access_event SET reason = 'x'"));
            assertEquals("42501", byApplication.getSQLState(), "the application role has no UPDATE privilege");
            a.rollback();
            for (String change : List.of("UPDATE audit.access_event SET reason = 'x'", "DELETE FROM audit.chain_link",
                    "TRUNCATE audit.chain_checkpoint")) {
                SQLException bySuperuser = assertThrows(SQLException.class, () -> a.createStatement().execute(change));
                assertTrue(bySuperuser.getMessage().contains("append-only"), change + ": " + bySuperuser.getMessage());
                a.rollback();
            }
        }
    }

    @Test
    @Order(3)
    void anUntouchedChainOfTenThousandEventsVerifies() throws Exception {
        long before = length();
        deniedRequests(10_000);

        awaitChainLength(before + 10_000, CATCH_UP);
        JsonNode result = apiVerify();
        assertTrue(result.get("ok").asBoolean(), result.toString());
        assertTrue(result.get("eventsChecked").asLong() >= before + 10_000, result.toString());
        assertFalse(result.has("firstBrokenPosition"), result.toString());
        assertTrue(cliVerify().get("ok").asBoolean());
    }

    @Test
    @Order(4)
    void anAlteredEventIsFound() throws Exception {
        long position = quietChain() - 7;
        UUID event = eventAt(position);
        String original;
        try (Connection a = Regions.dba("a")) {
            original = Regions.strings(a, "SELECT resource_id FROM audit.access_event WHERE id = ?::uuid",
                    event.toString()).get(0);
        }

        superuser("UPDATE audit.access_event SET resource_id = ? WHERE id = ?::uuid", "GET /v1/nothing-to-see", event);
        assertBrokenAt(position);
        // the application's own verification finds it too, and raises the metric the CitadelAuditChainBroken alert watches
        assertFalse(apiVerify().get("ok").asBoolean());
        assertEquals(1.0, Stack.get().metric("citadel_audit_chain_broken"));

        superuser("UPDATE audit.access_event SET resource_id = ? WHERE id = ?::uuid", original, event);
        assertTrue(cliVerify().get("ok").asBoolean(), "restored");
        assertTrue(apiVerify().get("ok").asBoolean());
        assertEquals(0.0, Stack.get().metric("citadel_audit_chain_broken"));
    }

    @Test
    @Order(5)
    void aDeletedEventIsFound() throws Exception {
        long position = quietChain() - 5;
        UUID event = eventAt(position);
        try (Connection a = Regions.dba("a")) {
            a.setAutoCommit(false);
            a.createStatement().execute("SET LOCAL session_replication_role = replica");
            a.createStatement().execute("CREATE TEMP TABLE deleted_event ON COMMIT PRESERVE ROWS AS "
                    + "SELECT * FROM audit.access_event WHERE id = '" + event + "'");
            a.createStatement().execute("DELETE FROM audit.access_event WHERE id = '" + event + "'");
            a.commit();

            assertBrokenAt(position);

            a.createStatement().execute("SET LOCAL session_replication_role = replica");
            a.createStatement().execute("INSERT INTO audit.access_event OVERRIDING SYSTEM VALUE SELECT * FROM deleted_event");
            a.commit();
        }
        assertTrue(cliVerify().get("ok").asBoolean(), "restored");
    }

    @Test
    @Order(6)
    void twoSwappedEventsAreFound() throws Exception {
        long position = quietChain() - 3;
        UUID first = eventAt(position);
        UUID second = eventAt(position + 1);

        swapLinks(position, first, second);
        assertBrokenAt(position);

        swapLinks(position, second, first);
        assertTrue(cliVerify().get("ok").asBoolean(), "restored");
    }

    @Test
    @Order(7)
    void aForgedEventIsFound() throws Exception {
        long head = quietChain();
        UUID forged = UUID.randomUUID();
        byte[] noise = new byte[64];
        new SecureRandom().nextBytes(noise);
        try (Connection a = Regions.dba("a")) {
            a.setAutoCommit(false);
            // holding the linker's lock keeps the application from chaining while the forger writes
            a.createStatement().execute("SELECT pg_advisory_xact_lock(" + LINKER_LOCK + ")");
            try (PreparedStatement event = a.prepareStatement("INSERT INTO audit.access_event (id, occurred_at, "
                    + "actor_id, actor_roles, action, resource_type, outcome, seal) "
                    + "VALUES (?, now(), 'someone', 'admin', 'READ', 'Patient', 'SUCCESS', ?)");
                 PreparedStatement link = a.prepareStatement("INSERT INTO audit.chain_link (position, event_id, "
                         + "event_seq, previous_hash, hash) SELECT ?, ?, 0, hash, sha256(hash) FROM audit.chain_link "
                         + "WHERE position = ?")) {
                event.setObject(1, forged);
                event.setBytes(2, noise);
                event.executeUpdate();
                link.setLong(1, head + 1);
                link.setObject(2, forged);
                link.setLong(3, head);
                assertEquals(1, link.executeUpdate());
            }
            a.commit();
        }
        assertBrokenAt(head + 1);

        superuser("DELETE FROM audit.chain_link WHERE event_id = ?::uuid", forged);
        superuser("DELETE FROM audit.access_event WHERE id = ?::uuid", forged);
        assertTrue(cliVerify().get("ok").asBoolean(), "restored");
    }

    private static void assertBrokenAt(long position) throws Exception {
        JsonNode result = cliVerify();
        assertFalse(result.get("ok").asBoolean(), result.toString());
        assertEquals(position, result.get("firstBrokenPosition").asLong(), result.toString());
    }

    private static void awaitChainLength(long length, Duration within) {
        Awaitility.await("the chain reaches " + length).atMost(within).pollInterval(Duration.ofMillis(200))
                .until(() -> length() >= length);
    }

    private static void swapLinks(long position, UUID first, UUID second) throws SQLException {
        try (Connection a = Regions.dba("a")) {
            a.setAutoCommit(false);
            a.createStatement().execute("SET LOCAL session_replication_role = replica");
            a.createStatement().execute("UPDATE audit.chain_link SET event_id = gen_random_uuid() WHERE position = " + position);
            a.createStatement().execute("UPDATE audit.chain_link SET event_id = '" + first + "' WHERE position = " + (position + 1));
            a.createStatement().execute("UPDATE audit.chain_link SET event_id = '" + second + "' WHERE position = " + position);
            a.commit();
        }
    }

    /** Runs one statement as the superuser with triggers off, as an attacker with DBA rights would. */
    private static void superuser(String sql, Object... parameters) throws SQLException {
        try (Connection a = Regions.dba("a")) {
            a.setAutoCommit(false);
            a.createStatement().execute("SET LOCAL session_replication_role = replica");
            try (PreparedStatement statement = a.prepareStatement(sql)) {
                for (int i = 0; i < parameters.length; i++) {
                    statement.setString(i + 1, parameters[i].toString());
                }
                statement.executeUpdate();
            }
            a.commit();
        }
    }
}
