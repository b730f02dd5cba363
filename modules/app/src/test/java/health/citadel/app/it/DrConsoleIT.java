package health.citadel.app.it;

import static health.citadel.app.it.Request.as;
import static health.citadel.app.it.Request.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The DBA console's DR operations over REST on the real regions: refused without a recent second factor, without
 * the accepted data loss, while the writer lives, for a region that does not exist, and (from the console and the
 * command line) while another DR operation runs; a switchover there and back, each reported, seen in the status,
 * and audited under the DBA's user id, run as a database login without superuser; the standby fenced and
 * rejoined; a failover, the old writer rejoined and switched back to.
 * Region A is the writer again at the end, as the other test classes expect.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DrConsoleIT {

    private static final String DR = "/api/v1/dr";
    private static final Duration DEADLINE = Duration.ofSeconds(30);
    /** The DR lock's advisory key, "CITADLDR" in ASCII, as the README's runbook names it. */
    private static final long DR_LOCK = 0x4349_5441_444C_4452L;
    /** One token for the class, its second factor proved when the class began (the shared ones may be older). */
    private static String dba;
    private final Stack stack = Stack.get();

    private static synchronized String dba() {
        if (dba == null) {
            dba = Tokens.fresh("dba.dana");
        }
        return dba;
    }

    @Test
    @Order(1)
    void refusalsChangeNothing() throws Exception {
        KeycloakAdmin.ensurePasswordOnlyClient("it-password-only");
        HttpResponse<String> stepUp = as(Tokens.withoutSecondFactor("dba.dana", "it-password-only"))
                .post(DR + "/switchover").json(object());
        assertEquals(401, stepUp.statusCode(), stepUp.body());
        assertTrue(stepUp.headers().firstValue("WWW-Authenticate").orElse("")
                .contains("error=\"insufficient_user_authentication\""), stepUp.headers().toString());

        String dba = dba();
        String dbaId = Tokens.claims(dba).get("sub").asText();
        for (ObjectNode body : List.of(object(), object("acceptDataLoss", false))) {
            HttpResponse<String> notAccepted = as(dba).post(DR + "/failover").json(body);
            assertEquals(400, notAccepted.statusCode(), notAccepted.body());
            assertTrue(Stack.json(notAccepted).get("detail").asText().contains("acceptDataLoss"), notAccepted.body());
        }

        HttpResponse<String> writerLives = as(dba).post(DR + "/failover").json(object("acceptDataLoss", true));
        assertEquals(409, writerLives.statusCode(), writerLives.body());
        assertTrue(Stack.json(writerLives).get("detail").asText().contains("still answers and is not fenced"),
                writerLives.body());
        JsonNode journaled = lastJournalEntry();
        assertEquals("DR_FAILOVER", journaled.get("action").asText());
        assertEquals("FAILURE", journaled.get("outcome").asText());
        assertEquals(dbaId, journaled.get("operator").asText(), "the journal names the DBA by id");

        assertEquals(404, as(dba).post(DR + "/regions/zz/fence").json(object()).statusCode());
        assertEquals(404, as(dba).post(DR + "/regions/zz/rejoin").json(object("discardLostCommits", true))
                .statusCode());
        assertEquals("a", awaitStatus(s -> s.get("problems").isEmpty()).at("/writer/name").asText(), "nothing moved");
    }

    /**
     * While a DR operation runs anywhere (here a session holds the DR lock in the standby, as a running
     * bin/citadel dr would), neither the console nor the command line starts another or compares the regions;
     * the refusals leave no lock behind.
     */
    @Test
    @Order(2)
    void whileAnotherOperationRunsNoneStartsFromTheConsoleOrTheCommandLine() throws Exception {
        String dba = dba();
        try (Connection elsewhere = Regions.dba("b")) {
            assertEquals(List.of("true"), Regions.strings(elsewhere, "SELECT pg_try_advisory_lock(?::bigint)::text",
                    Long.toString(DR_LOCK)));

            HttpResponse<String> switchover = as(dba).post(DR + "/switchover").json(object());
            assertEquals(409, switchover.statusCode(), switchover.body());
            assertTrue(Stack.json(switchover).get("detail").asText().contains("another DR operation is running"),
                    switchover.body());
            HttpResponse<String> verify = as(dba).get(DR + "/verify").send();
            assertEquals(409, verify.statusCode(), verify.body());

            assertTrue(CitadelCli.run("dr", "switchover").exitCode() != 0, "the command line's switchover is refused");
            JsonNode journaled = lastJournalEntry();
            assertEquals("DR_SWITCHOVER", journaled.get("action").asText());
            assertEquals("FAILURE", journaled.get("outcome").asText());
            assertTrue(journaled.get("detail").asText().contains("another DR operation is running"), journaled.toString());
            assertTrue(CitadelCli.run("dr", "verify").exitCode() != 0, "the command line's comparison is refused");
        }
        try (Connection writer = Regions.dba("a")) {
            assertEquals(List.of("0"), Regions.strings(writer, "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' "
                    + "AND objsubid = 1 AND (classid::bigint << 32 | objid::bigint) = ?::bigint", Long.toString(DR_LOCK)),
                    "the refused operations released the lock they held in region A");
        }
        assertEquals("a", awaitStatus(s -> s.get("problems").isEmpty()).at("/writer/name").asText(), "nothing moved");
    }

    @Test
    @Order(3)
    void aDbaSwitchesOverAndBackAndEachIsAuditedUnderTheirId() throws Exception {
        String dba = dba();
        String dbaId = Tokens.claims(dba).get("sub").asText();
        assertEquals("a", awaitStatus(s -> s.get("problems").isEmpty()).at("/writer/name").asText());

        for (String[] move : List.of(new String[] {"a", "b"}, new String[] {"b", "a"})) {
            HttpResponse<String> switched = as(dba).post(DR + "/switchover").json(object());
            assertEquals(200, switched.statusCode(), switched.body());
            JsonNode report = Stack.json(switched);
            assertEquals(move[0], report.get("from").asText(), report.toString());
            assertEquals(move[1], report.get("to").asText(), report.toString());
            assertTrue(report.get("epoch").asLong() > 1, report.toString());
            assertTrue(report.get("writeUnavailableMillis").asDouble() > 0, report.toString());
            assertTrue(report.get("steps").size() >= 5, report.toString());

            JsonNode status = awaitStatus(s -> move[1].equals(s.at("/writer/name").asText()) && s.get("problems").isEmpty());
            assertEquals(report.get("epoch").asLong(), status.at("/writer/epoch").asLong(), status.toString());
            long epoch = report.get("epoch").asLong();
            assertAudited("DR_SWITCHOVER", move[1], move[1], dbaId, recorded -> recorded.path("epoch").asLong() == epoch);
        }

        try (Connection standby = Regions.dba("b")) {
            assertEquals(List.of("false"), Regions.strings(standby, "SELECT r.rolsuper::text FROM pg_subscription s "
                    + "JOIN pg_roles r ON r.oid = s.subowner"), "the console subscribed B as a login without superuser");
        }
        assertRegionsTheSame(dba);
    }

    /**
     * The standby fenced (it is already) and re-seeded from the writer over REST: it subscribes again, holds the
     * same rows, and both changes are audited on the writer under the DBA's id.
     */
    @Test
    @Order(4)
    void aDbaFencesAndRejoinsTheStandby() throws Exception {
        String dba = dba();
        String dbaId = Tokens.claims(dba).get("sub").asText();

        HttpResponse<String> fenced = as(dba).post(DR + "/regions/b/fence").json(object());
        assertEquals(200, fenced.statusCode(), fenced.body());
        assertEquals("b", Stack.json(fenced).get("fenced").asText(), fenced.body());

        HttpResponse<String> rejoined = as(dba).post(DR + "/regions/b/rejoin").json(object());
        assertEquals(200, rejoined.statusCode(), rejoined.body());
        assertEquals("b", Stack.json(rejoined).get("rejoined").asText(), rejoined.body());
        assertEquals("a", Stack.json(rejoined).get("subscribesTo").asText(), rejoined.body());

        HttpResponse<String> writerRejoins = as(dba).post(DR + "/regions/a/rejoin").json(object());
        assertEquals(409, writerRejoins.statusCode(), "the writer is never emptied: " + writerRejoins.body());

        assertEquals("a", awaitStatus(s -> s.get("problems").isEmpty()).at("/writer/name").asText());
        assertRegionsTheSame(dba);
        assertAudited("DR_FENCE", "a", "b", dbaId, recorded -> "b".equals(recorded.path("fenced").asText()));
        assertAudited("DR_REJOIN", "a", "b", dbaId, recorded -> "a".equals(recorded.path("subscribesTo").asText()));
    }

    /**
     * A failover as the DR role, without superuser: the writer fenced (as when the application cannot reach it),
     * the standby promoted with the data loss accepted, the old writer's lost slot holding its rejoin back until
     * the DBA discards it, then re-seeded and switched back to. The failover is audited on the new writer under the
     * DBA's id, and the regions end the same with A the writer.
     */
    @Test
    @Order(5)
    void aDbaFailsOverRejoinsTheOldWriterAndSwitchesBack() throws Exception {
        String dba = dba();
        String dbaId = Tokens.claims(dba).get("sub").asText();

        assertEquals(200, as(dba).post(DR + "/regions/a/fence").json(object()).statusCode());
        HttpResponse<String> failedOver = as(dba).post(DR + "/failover").json(object("acceptDataLoss", true));
        assertEquals(200, failedOver.statusCode(), failedOver.body());
        JsonNode report = Stack.json(failedOver);
        assertEquals("b", report.get("to").asText(), report.toString());
        assertTrue(report.get("estimatedRpoMillis").asDouble() > 0, report.toString());
        long epoch = report.get("epoch").asLong();
        assertEquals("b", awaitStatus(s -> "b".equals(s.at("/writer/name").asText())).at("/writer/name").asText());
        assertAudited("DR_FAILOVER", "b", "b", dbaId, recorded -> recorded.path("epoch").asLong() == epoch);

        HttpResponse<String> slotKept = as(dba).post(DR + "/regions/a/rejoin").json(object());
        assertEquals(409, slotKept.statusCode(), slotKept.body());
        assertTrue(Stack.json(slotKept).get("detail").asText().contains("salvage them first"), slotKept.body());
        HttpResponse<String> rejoined = as(dba).post(DR + "/regions/a/rejoin").json(object("discardLostCommits", true));
        assertEquals(200, rejoined.statusCode(), rejoined.body());
        assertEquals("b", Stack.json(rejoined).get("subscribesTo").asText(), rejoined.body());

        HttpResponse<String> back = as(dba).post(DR + "/switchover").json(object());
        assertEquals(200, back.statusCode(), back.body());
        assertEquals("a", Stack.json(back).get("to").asText(), back.body());
        assertEquals("a", awaitStatus(s -> "a".equals(s.at("/writer/name").asText()) && s.get("problems").isEmpty())
                .at("/writer/name").asText());
        assertRegionsTheSame(dba);
        // the fence may have kept the writer's newest audit events from the standby: the runbook's step
        AuditChains.keepWitnessOfLostChain();
    }

    /**
     * The application turns the console's record into an audit event on the writer, with the DBA's id as the
     * actor and the region as the resource, and the report as the detail.
     */
    private static void assertAudited(String action, String writer, String region, String dbaId,
                                      Predicate<JsonNode> report) throws Exception {
        try (Connection connection = Regions.dba(writer)) {
            Awaitility.await("a " + action + " audit event in region " + writer + " names the DBA").atMost(DEADLINE)
                    .pollInterval(Duration.ofMillis(250)).until(() -> {
                        for (String recorded : Regions.strings(connection, "SELECT reason FROM audit.access_event "
                                + "WHERE action = ? AND outcome = 'SUCCESS' AND actor_id = ? AND resource_id = ?",
                                action, dbaId, region)) {
                            if (report.test(Stack.JSON.readTree(recorded))) {
                                return true;
                            }
                        }
                        return false;
                    });
        }
    }

    /** The console's comparison finds every module table, and the same rows in both regions. */
    private void assertRegionsTheSame(String dba) throws Exception {
        HttpResponse<String> verified = as(dba).get(DR + "/verify").send();
        assertEquals(200, verified.statusCode(), verified.body());
        assertTrue(Stack.json(verified).get("same").asBoolean(), verified.body());
        assertTrue(Stack.json(verified).get("tables").size() >= 15, verified.body());
    }

    private JsonNode awaitStatus(Predicate<JsonNode> condition) throws Exception {
        return DrStatus.await(dba(), condition);
    }

    /** The console journals where bin/citadel dr does: {@code $CITADEL_HOME/dr-journal.jsonl}. */
    private JsonNode lastJournalEntry() throws Exception {
        List<String> lines = Files.readAllLines(stack.home().resolve("dr-journal.jsonl"));
        return Stack.JSON.readTree(lines.get(lines.size() - 1));
    }
}
