package health.citadel.app.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * The DBA's view of replication on the real pair of regions: healthy while region B applies; a stopped
 * subscription reported by the API and by {@code bin/citadel dr status} (readiness stays up: the instance still
 * serves), until it runs again;
 * and {@code bin/citadel dr verify} naming a table whose rows differ.
 */
class ReplicationStatusIT {

    private final Stack stack = Stack.get();

    @Test
    void theDbaSeesRegionBKeepingUpWithRegionA() throws Exception {
        JsonNode status = awaitStatus(s -> s.get("problems").isEmpty());

        assertEquals("a", status.at("/writer/name").asText());
        assertEquals("b", status.at("/standby/name").asText());
        assertEquals(status.at("/writer/epoch").asLong(), status.at("/standby/epoch").asLong(), "one epoch");
        assertTrue(status.get("lagSeconds").asDouble() < 5, status.toString());
        assertTrue(status.get("lagBytes").asLong() >= 0, status.toString());
        assertTrue(status.at("/slot/active").asBoolean(), status.toString());
        assertTrue(status.at("/subscription/workerRunning").asBoolean(), status.toString());
        assertEquals(0, status.at("/subscription/applyErrors").asLong());

        Instant applied = Instant.parse(status.get("lastAppliedHeartbeat").asText());
        JsonNode later = awaitStatus(s -> s.hasNonNull("lastAppliedHeartbeat")
                && Instant.parse(s.get("lastAppliedHeartbeat").asText()).isAfter(applied));
        assertTrue(later.get("problems").isEmpty(), "the heartbeat keeps arriving: " + later);
    }

    @Test
    void aStoppedSubscriptionIsReportedEverywhereUntilItRunsAgain() throws Exception {
        try (Connection b = Regions.dba("b")) {
            b.createStatement().execute("ALTER SUBSCRIPTION citadel_sub DISABLE");
            try {
                JsonNode stopped = awaitStatus(s -> s.get("problems").toString().contains("disabled")
                        && s.get("lagSeconds").asDouble() > 3);
                assertTrue(!stopped.at("/slot/active").asBoolean(), "no walsender serves the slot: " + stopped);
                // the standby's trouble is the DBA's, not the load balancer's: this instance still serves
                HttpResponse<String> ready = stack.managementGet("/health/ready");
                assertEquals(200, ready.statusCode(), ready.body());
                assertTrue(!ready.body().contains("replication"), ready.body());

                CitadelCli.Result cli = cli("status");
                assertEquals(1, cli.exitCode(), "unhealthy");
                assertTrue(cli.json().get("problems").toString().contains("disabled"), cli.json().toString());
            } finally {
                b.createStatement().execute("ALTER SUBSCRIPTION citadel_sub ENABLE");
            }
        }
        awaitStatus(s -> s.get("problems").isEmpty() && s.get("lagSeconds").asDouble() < 5);
        assertEquals(0, cli("status").exitCode(), "healthy again");
    }

    @Test
    void verifyNamesATableThatDiffersBetweenTheRegions() throws Exception {
        CitadelCli.Result same = cli("verify");
        assertEquals(0, same.exitCode(), same.json().toString());
        assertTrue(same.json().get("tables").size() >= 15, "every replicated table: " + same.json());

        try (Connection b = Regions.dba("b")) {
            // a revision only region B has, with an id region A never hands out
            b.createStatement().execute("INSERT INTO records.revision (id, at, actor_id) VALUES (-1, 0, 'planted')");
            try {
                CitadelCli.Result differs = cli("verify");
                assertEquals(1, differs.exitCode(), differs.json().toString());
                List<String> named = new java.util.ArrayList<>();
                differs.json().get("tables").forEach(t -> {
                    if (!t.get("same").asBoolean()) {
                        named.add(t.get("table").asText());
                    }
                });
                assertEquals(List.of("records.revision"), named);
            } finally {
                b.createStatement().execute("DELETE FROM records.revision WHERE id = -1");
            }
        }
        assertEquals(0, cli("verify").exitCode(), "the same again");
    }

    private JsonNode awaitStatus(Predicate<JsonNode> condition) throws Exception {
        return DrStatus.await(Tokens.of("dba.dana"), condition);
    }

    private static CitadelCli.Result cli(String command) throws Exception {
        return CitadelCli.run("dr", command, "--json");
    }
}
