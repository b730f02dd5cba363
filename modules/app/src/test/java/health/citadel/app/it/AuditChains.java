package health.citadel.app.it;

import static health.citadel.app.it.Request.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
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

/** The audit chain as the tests see it: its length, a quiet moment, {@code bin/citadel audit verify}, and load. */
final class AuditChains {

    static final String FORBIDDEN_TO_PHYSICIANS = "/api/v1/identity/roles";
    /** The chain linker's advisory lock key ("citadel"); whoever holds it keeps the application from linking. */
    static final long LINKER_LOCK = 0x636974_6164656CL;
    private static final Duration CHAINING_DEADLINE = Duration.ofSeconds(90);

    private AuditChains() {
    }

    /** Waits until every written event is chained (writing a few if the chain is too short), and returns the head. */
    static long quietChain() throws Exception {
        if (length() < 10) {
            deniedRequests(10);
        }
        Awaitility.await("every event chained").atMost(CHAINING_DEADLINE).pollInterval(Duration.ofMillis(200))
                .until(() -> unchained() == 0);
        return length();
    }

    static long length() throws SQLException {
        try (Connection a = Regions.dba("a")) {
            return Long.parseLong(Regions.strings(a, "SELECT coalesce(max(position), 0)::text FROM audit.chain_link")
                    .get(0));
        }
    }

    private static long unchained() throws SQLException {
        try (Connection a = Regions.dba("a")) {
            return Long.parseLong(Regions.strings(a, "SELECT count(*)::text FROM audit.access_event e WHERE "
                    + "NOT EXISTS (SELECT 1 FROM audit.chain_link l WHERE l.event_id = e.id)").get(0));
        }
    }

    static UUID eventAt(long position) throws SQLException {
        try (Connection a = Regions.dba("a")) {
            return UUID.fromString(Regions.strings(a, "SELECT event_id::text FROM audit.chain_link WHERE position = "
                    + position).get(0));
        }
    }

    /** A session holding the linker's lock until closed: no linking and no checkpoint meanwhile. */
    static Connection holdLinker() throws SQLException {
        Connection session = Regions.dba("a");
        session.createStatement().execute("SELECT pg_advisory_lock(" + LINKER_LOCK + ")");
        return session;
    }

    /** {@code bin/citadel audit verify} with these options; asserts its exit code agrees with its verdict. */
    static JsonNode cliVerify(String... options) throws Exception {
        List<String> arguments = new ArrayList<>(List.of("audit", "verify", "--json"));
        arguments.addAll(List.of(options));
        CitadelCli.Result result = CitadelCli.run(arguments.toArray(String[]::new));
        JsonNode verdict = result.json();
        assertEquals(verdict.get("ok").asBoolean() ? 0 : 1, result.exitCode(), result.output());
        return verdict;
    }

    /**
     * The runbook's step after a failover: the witness holds checkpoints of the old writer's chain, whose newest
     * events the new writer may never have received. If so, verification names the first lost position; the
     * auditor keeps that file as the evidence of the loss, and the application starts a new one.
     *
     * @return whether the failover lost witnessed audit events
     */
    static boolean keepWitnessOfLostChain() throws Exception {
        JsonNode verdict = cliVerify();
        if (verdict.get("ok").asBoolean()) {
            return false;
        }
        assertTrue(verdict.get("problem").asText().contains("witnessed"), "only the witnessed tail is lost: " + verdict);
        Path witness = Path.of(Stack.get().descriptor().at("/audit/witnessFile").asText());
        Files.move(witness, witness.resolveSibling("audit-witness-before-failover-" + Instant.now().toEpochMilli()
                + ".jsonl.kept"));
        return true;
    }

    /** The auditor's {@code GET /api/v1/audit/verify}. */
    static JsonNode apiVerify() {
        HttpResponse<String> response = as(Tokens.of("auditor.ada")).get("/api/v1/audit/verify").send();
        assertEquals(200, response.statusCode(), response.body());
        return Stack.json(response);
    }

    /** Denied requests from eight concurrent clients, each of which writes one audit event. */
    static void deniedRequests(int count) throws Exception {
        Stack stack = Stack.get();
        HttpClient client = HttpClient.newBuilder().sslContext(stack.trustingStack()).build();
        HttpRequest request = HttpRequest.newBuilder(stack.app(FORBIDDEN_TO_PHYSICIANS))
                .header("Authorization", "Bearer " + Tokens.of("dr.house")).GET().build();
        Semaphore inFlight = new Semaphore(8);
        List<CompletableFuture<Integer>> responses = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            inFlight.acquire();
            responses.add(client.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                    .thenApply(HttpResponse::statusCode)
                    .whenComplete((status, failure) -> inFlight.release()));
        }
        for (CompletableFuture<Integer> response : responses) {
            assertEquals(403, response.get(30, TimeUnit.SECONDS));
        }
    }
}
