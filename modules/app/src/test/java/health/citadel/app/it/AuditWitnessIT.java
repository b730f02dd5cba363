package health.citadel.app.it;

import static health.citadel.app.it.AuditChains.apiVerify;
import static health.citadel.app.it.AuditChains.cliVerify;
import static health.citadel.app.it.AuditChains.holdLinker;
import static health.citadel.app.it.AuditChains.quietChain;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import health.citadel.audit.api.AuditAction;
import health.citadel.audit.api.AuditEvent;
import health.citadel.audit.api.AuditOutcome;
import health.citadel.audit.api.CanonicalEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The audit chain against a database superuser who rewrites it consistently, as the insider-proof issue found
 * possible: the hashes can be recomputed without any key, and the database's own checkpoints deleted with the
 * rows they sign. Only the checkpoints the application handed to its witness file (outside the database) show
 * it. The stack signs a heartbeat checkpoint every 5 s (see the pom).
 */
class AuditWitnessIT {

    private static final Duration HEARTBEAT = Duration.ofSeconds(5);
    private final Path witness = Path.of(Stack.get().descriptor().at("/audit/witnessFile").asText());

    @Test
    void anEventDeletedAndItsSuccessorsRelinkedIsFoundAtItsPosition() throws Exception {
        long head = quietChain();
        long position = newestWitnessedBelow(head - 2) + 1;
        try (Connection linker = holdLinker(); Connection a = tamperingSession()) {
            keepFrom(a, position, "e.id = (SELECT event_id FROM audit.chain_link WHERE position = " + position + ")");
            execute(a, "DELETE FROM audit.access_event WHERE id IN (SELECT id FROM kept_event)");
            relinkFrom(a, position, 1);
            a.commit();

            assertTrue(cliVerify("--witness", "none").get("ok").asBoolean(),
                    "without its witness the rewritten chain is consistent: what the finding saw");
            JsonNode byCli = cliVerify();
            assertFalse(byCli.get("ok").asBoolean(), byCli.toString());
            assertEquals(position, byCli.get("firstBrokenPosition").asLong(), byCli.toString());
            JsonNode byApi = apiVerify();
            assertFalse(byApi.get("ok").asBoolean(), byApi.toString());
            assertEquals(position, byApi.get("firstBrokenPosition").asLong(), byApi.toString());

            restore(a, position);
        }
        assertTrue(cliVerify().get("ok").asBoolean(), "restored");
    }

    /**
     * The verifier leaves a seal unchecked when a signed checkpoint the chain reaches vouches for it; a forger who
     * alters an event, rehashes the chain and deletes the checkpoints after it leaves its seal to be checked.
     */
    @Test
    void anAlteredEventWhoseChainIsRehashedIsFoundByItsSeal() throws Exception {
        long position = quietChain() - 3;
        try (Connection linker = holdLinker(); Connection a = tamperingSession()) {
            keepFrom(a, position, "e.id = (SELECT event_id FROM audit.chain_link WHERE position = " + position + ")");
            execute(a, "UPDATE audit.access_event SET resource_id = 'GET /v1/nothing-to-see' "
                    + "WHERE id IN (SELECT id FROM kept_event)");
            relinkFrom(a, position, 0);
            a.commit();

            for (JsonNode verdict : List.of(cliVerify("--witness", "none"), cliVerify())) {
                assertFalse(verdict.get("ok").asBoolean(), verdict.toString());
                assertEquals(position, verdict.get("firstBrokenPosition").asLong(), verdict.toString());
                assertTrue(verdict.get("problem").asText().contains("seal"), verdict.toString());
            }

            execute(a, "DELETE FROM audit.access_event WHERE id IN (SELECT id FROM kept_event)");
            restore(a, position);
        }
        assertTrue(cliVerify().get("ok").asBoolean(), "restored");
    }

    @Test
    void aCutTailOfEventsLinksAndCheckpointsIsFound() throws Exception {
        long head = quietChain();
        awaitWitnessed(head);
        long cut = head - 3;
        try (Connection linker = holdLinker(); Connection a = tamperingSession()) {
            keepFrom(a, cut + 1, "e.id IN (SELECT event_id FROM audit.chain_link WHERE position > " + cut + ")");
            execute(a, "DELETE FROM audit.access_event WHERE id IN (SELECT id FROM kept_event)");
            execute(a, "DELETE FROM audit.chain_link WHERE position > " + cut);
            a.commit();

            assertTrue(cliVerify("--witness", "none").get("ok").asBoolean(), "without its witness the cut is unseen");
            JsonNode verdict = cliVerify();
            assertFalse(verdict.get("ok").asBoolean(), verdict.toString());
            assertEquals(cut + 1, verdict.get("firstBrokenPosition").asLong(), verdict.toString());
            assertTrue(verdict.get("problem").asText().contains("witnessed"), verdict.toString());

            restore(a, cut + 1);
        }
        assertTrue(cliVerify().get("ok").asBoolean(), "restored");
    }

    @Test
    void anUntouchedChainVerifiesAgainstItsWitnessAndTheHeadAnAuditorKept() throws Exception {
        long head = quietChain();
        awaitWitnessed(head);
        JsonNode verdict = cliVerify();
        assertTrue(verdict.get("ok").asBoolean(), verdict.toString());
        assertTrue(verdict.get("witnessedCheckpoints").asInt() > 0, verdict.toString());
        String kept = verdict.get("head").asText();
        assertTrue(kept.startsWith(head + ":"), kept);

        assertTrue(cliVerify("--expect-head", kept).get("ok").asBoolean(), "the head the auditor kept");
        String other = head + ":" + "00".repeat(32);
        JsonNode differs = cliVerify("--expect-head", other);
        assertFalse(differs.get("ok").asBoolean(), differs.toString());
        assertEquals(head, differs.get("firstBrokenPosition").asLong(), differs.toString());
        assertTrue(apiVerify().get("ok").asBoolean());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(witness)));
    }

    @Test
    void aHeartbeatIsWitnessedWhileNothingHappensAndItsAbsenceFailsVerification() throws Exception {
        quietChain();
        Awaitility.await("a heartbeat: the unchanged head signed again").atMost(HEARTBEAT.multipliedBy(3))
                .pollInterval(Duration.ofMillis(250)).until(() -> {
                    List<Long> witnessed = witnessedPositions();
                    int last = witnessed.size() - 1;
                    return last > 0 && witnessed.get(last).equals(witnessed.get(last - 1));
                });

        try (Connection linker = holdLinker()) {
            // holding the linker's lock stops every checkpoint, as a stalled or silenced application would
            Awaitility.await("verification fails on a stale witness").atMost(HEARTBEAT.multipliedBy(4))
                    .pollInterval(Duration.ofSeconds(1)).until(() -> !apiVerify().get("ok").asBoolean());
            assertTrue(apiVerify().get("problem").asText().contains("witnessed since"));
        }
        Awaitility.await("fresh again").atMost(HEARTBEAT.multipliedBy(3)).pollInterval(Duration.ofSeconds(1))
                .until(() -> apiVerify().get("ok").asBoolean());
    }

    /** The superuser's session: triggers off for the whole session, changes committed when the test says. */
    private static Connection tamperingSession() throws SQLException {
        Connection a = Regions.dba("a");
        a.setAutoCommit(false);
        execute(a, "SET session_replication_role = replica");
        return a;
    }

    /** Copies the chain from {@code position} on, and the events chosen, aside, to put them back afterwards. */
    private static void keepFrom(Connection a, long position, String events) throws SQLException {
        execute(a, "CREATE TEMP TABLE kept_links AS SELECT * FROM audit.chain_link WHERE position >= " + position);
        execute(a, "CREATE TEMP TABLE kept_checkpoints AS SELECT * FROM audit.chain_checkpoint WHERE position >= " + position);
        execute(a, "CREATE TEMP TABLE kept_event AS SELECT * FROM audit.access_event e WHERE " + events);
        execute(a, "DELETE FROM audit.chain_checkpoint WHERE position >= " + position);
    }

    /**
     * The finding's rewrite: every kept link from {@code position + shift} on moved down {@code shift} positions
     * (1 over a deleted event), its hash recomputed as SHA-256(previous, canonical event, seal). No key is needed.
     */
    private static void relinkFrom(Connection a, long position, int shift) throws SQLException {
        byte[] previous;
        try (PreparedStatement before = a.prepareStatement("SELECT hash FROM audit.chain_link WHERE position = ?")) {
            before.setLong(1, position - 1);
            try (ResultSet row = before.executeQuery()) {
                row.next(); // the deleted event always follows a witnessed one
                previous = row.getBytes(1);
            }
        }
        execute(a, "DELETE FROM audit.chain_link WHERE position >= " + position);
        try (PreparedStatement later = a.prepareStatement("SELECT k.position, k.event_seq, e.* FROM kept_links k "
                + "JOIN audit.access_event e ON e.id = k.event_id WHERE k.position >= ? ORDER BY k.position");
             PreparedStatement link = a.prepareStatement("INSERT INTO audit.chain_link (position, event_id, event_seq,"
                     + " previous_hash, hash) VALUES (?, ?, ?, ?, ?)")) {
            later.setLong(1, position + shift);
            try (ResultSet row = later.executeQuery()) {
                while (row.next()) {
                    byte[] hash = sha256(previous, CanonicalEvent.of(event(row)), row.getBytes("seal"));
                    link.setLong(1, row.getLong("position") - shift);
                    link.setObject(2, row.getObject("id"));
                    link.setLong(3, row.getLong("event_seq"));
                    link.setBytes(4, previous);
                    link.setBytes(5, hash);
                    link.executeUpdate();
                    previous = hash;
                }
            }
        }
    }

    /** The event as the application sealed it, read from its row with the public types only. */
    private static AuditEvent event(ResultSet row) throws SQLException {
        String roles = row.getString("actor_roles");
        return new AuditEvent(row.getObject("id", UUID.class), row.getTimestamp("occurred_at").toInstant(),
                row.getString("actor_id"), roles.isEmpty() ? Set.of() : Set.of(roles.split(",")),
                row.getString("client_id"), AuditAction.valueOf(row.getString("action")), row.getString("resource_type"),
                row.getString("resource_id"), row.getObject("patient_id", UUID.class),
                AuditOutcome.valueOf(row.getString("outcome")), row.getString("source_ip"), row.getString("request_id"),
                row.getString("reason"), row.getBoolean("restricted_patient"));
    }

    private static byte[] sha256(byte[]... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (byte[] part : parts) {
                digest.update(part);
            }
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void restore(Connection a, long position) throws SQLException {
        execute(a, "DELETE FROM audit.chain_link WHERE position >= " + position);
        execute(a, "INSERT INTO audit.access_event OVERRIDING SYSTEM VALUE SELECT * FROM kept_event");
        execute(a, "INSERT INTO audit.chain_link SELECT * FROM kept_links");
        execute(a, "INSERT INTO audit.chain_checkpoint SELECT * FROM kept_checkpoints");
        a.commit();
    }

    /** The newest position below {@code limit} that the witness holds a checkpoint for. */
    private long newestWitnessedBelow(long limit) throws Exception {
        return witnessedPositions().stream().mapToLong(Long::longValue).filter(p -> p > 0 && p < limit)
                .max().orElseThrow(() -> new AssertionError("no witnessed checkpoint below " + limit));
    }

    private void awaitWitnessed(long position) {
        Awaitility.await("the head witnessed").atMost(HEARTBEAT.multipliedBy(2)).pollInterval(Duration.ofMillis(200))
                .until(() -> witnessedPositions().contains(position));
    }

    /** The positions the witness file holds, in the order they were witnessed (its lines are JSON, one each). */
    private List<Long> witnessedPositions() throws IOException {
        if (!Files.exists(witness)) {
            return List.of();
        }
        List<Long> positions = new ArrayList<>();
        for (String line : Files.readAllLines(witness)) {
            positions.add(Stack.JSON.readTree(line).get("position").asLong());
        }
        return positions;
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
