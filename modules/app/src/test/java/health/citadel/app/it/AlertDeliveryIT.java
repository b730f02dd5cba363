package health.citadel.app.it;

import static health.citadel.app.it.Request.as;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * A misuse pattern on the real stack raises an alert within 2 seconds, and the alert reaches a real HTTP
 * receiver through the outbox: the receiver fails once, the retry succeeds, and nothing is sent twice. The
 * newest audit checkpoint reaches the receiver too, as the chain's witness outside the database. The receiver
 * takes only deliveries signed with the stack's webhook secret, recent, and not seen before.
 * Runs first: other classes' denials would raise the nurse's alert while no receiver listens, and this test
 * needs an alert of its own, with no failed attempts before the one it causes.
 */
@Order(1)
class AlertDeliveryIT {

    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private final Stack stack = Stack.get();
    private final Map<String, List<Integer>> answersByAlert = new ConcurrentHashMap<>();
    private final Map<String, JsonNode> payloads = new ConcurrentHashMap<>();
    private final List<String> failedOnce = new CopyOnWriteArrayList<>();
    private final List<JsonNode> checkpoints = new CopyOnWriteArrayList<>();
    /** Every delivery the receiver refused, with why: none of ours may be among them. */
    private final List<String> refused = new CopyOnWriteArrayList<>();
    /** One delivery the receiver took, as it arrived (headers and body), to be sent again. */
    private final List<Map<String, String>> received = new CopyOnWriteArrayList<>();
    private HttpServer receiver;
    private WebhookReceiverCheck signatures;
    private String watchedActor;

    @BeforeEach
    void startReceiver() throws IOException {
        signatures = WebhookReceiverCheck.ofStack(stack.home());
        int port = Integer.parseInt(System.getenv("CITADEL_PORT_BASE")) + 90;
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        receiver.createContext("/alerts", this::receive);
        receiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
    }

    /** Fails the first delivery of each alert about the watched person, and accepts everything else. */
    private void receive(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        var headers = exchange.getRequestHeaders();
        WebhookReceiverCheck.Verdict verdict = signatures.check(headers.getFirst("webhook-id"),
                headers.getFirst("webhook-timestamp"), headers.getFirst("webhook-signature"), body, Instant.now());
        if (verdict != WebhookReceiverCheck.Verdict.ACCEPTED) {
            refused.add(verdict + " " + headers.getFirst("webhook-id"));
            exchange.sendResponseHeaders(401, -1);
            exchange.close();
            return;
        }
        JsonNode payload = Stack.JSON.readTree(body);
        if ("audit-checkpoint".equals(exchange.getRequestHeaders().getFirst("X-Citadel-Event"))) {
            checkpoints.add(payload.get("checkpoint"));
        }
        String alertId = exchange.getRequestHeaders().getFirst("X-Citadel-Alert-Id");
        boolean watched = payload.at("/alert/actorId").asText().equals(watchedActor);
        int status = watched && !failedOnce.contains(alertId) ? 500 : 200;
        if (watched) {
            failedOnce.add(alertId);
            payloads.put(alertId, payload);
            answersByAlert.computeIfAbsent(alertId, id -> new CopyOnWriteArrayList<>()).add(status);
        }
        if (status == 200) {
            signatures.processed(headers.getFirst("webhook-id"), headers.getFirst("webhook-timestamp"));
            if (received.isEmpty()) {
                received.add(Map.of("webhook-id", headers.getFirst("webhook-id"), "webhook-timestamp",
                        headers.getFirst("webhook-timestamp"), "webhook-signature", headers.getFirst("webhook-signature"),
                        "body", body));
            }
        }
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    @Test
    void repeatedDenialsAreAlertedWithinTwoSecondsAndDeliveredOnceAfterARetry() throws Exception {
        double failedBefore = stack.metric("citadel_audit_alert_deliveries_failed_total");
        String nurse = Tokens.of("nurse.joy");
        watchedActor = Tokens.claims(nurse).get("sub").asText();
        for (int i = 0; i < 5; i++) {
            assertEquals(403, as(nurse).get("/api/v1/identity/roles").send().statusCode());
        }

        String alertId = awaitAlert();
        try (Connection a = Regions.dba("a")) {
            String lag = Regions.strings(a, "SELECT extract(epoch FROM a.raised_at - (SELECT max(e.occurred_at) FROM "
                    + "audit.access_event e WHERE e.actor_id = a.actor_id AND e.outcome = 'DENIED'))::text "
                    + "FROM audit.alert a WHERE a.id = ?::uuid", alertId).get(0);
            assertTrue(Double.parseDouble(lag) <= 2.0, "raised " + lag + " s after the triggering event");
        }

        await().atMost(DEADLINE).untilAsserted(() -> assertTrue(answersByAlert.getOrDefault(alertId, List.of())
                .contains(200), "answers so far " + answersByAlert + ", refused " + refused));
        assertEquals(List.of(500, 200), answersByAlert.get(alertId), "one failure, then one successful retry");
        try (Connection a = Regions.dba("a")) {
            assertEquals(List.of("1 false 500", "2 true 200"), Regions.strings(a, "SELECT attempt || ' ' || delivered "
                    + "|| ' ' || http_status FROM audit.alert_delivery_attempt WHERE alert_id = ?::uuid ORDER BY attempt",
                    alertId));
        }
        JsonNode payload = payloads.get(alertId);
        assertTrue(payload.get("text").asText().contains("repeated-denials"), payload.toString());
        assertEquals("MEDIUM", payload.at("/alert/severity").asText());
        assertTrue(payload.at("/alert/evidence").size() >= 5, payload.toString());

        HttpResponse<String> listed = as(Tokens.of("auditor.ada")).get("/api/v1/audit/alerts").send();
        assertEquals(200, listed.statusCode(), listed.body());
        boolean shownDelivered = false;
        for (JsonNode alert : Stack.json(listed)) {
            shownDelivered |= alert.get("id").asText().equals(alertId) && alert.get("delivered").asBoolean();
        }
        assertTrue(shownDelivered, listed.body());
        assertTrue(java.util.regex.Pattern.compile("citadel_audit_alerts_raised_total\\{[^}]*rule=\"repeated-denials\""
                + "[^}]*severity=\"MEDIUM\"[^}]*} [1-9]").matcher(stack.managementGet("/metrics").body()).find(),
                "alerts are counted");
        assertEquals(List.of(500, 200), answersByAlert.get(alertId), "still delivered exactly once");
        assertEquals(List.of(), refused, "every delivery signed with the stack's secret, and fresh");
        assertTrue(stack.metric("citadel_audit_alert_deliveries_failed_total") >= failedBefore + 1,
                "the receiver's 500 is counted as a failed delivery");
    }


    /**
     * A captured delivery sent again is refused: as it was (the same id and timestamp), with a fresh timestamp on the
     * old signature, and signed properly but with a timestamp from before the receiver's five minutes.
     */
    @Test
    void aReplayedDeliveryIsRefused() throws Exception {
        Awaitility.await("a signed delivery").atMost(DEADLINE).pollInterval(Duration.ofMillis(200))
                .until(() -> !received.isEmpty());
        Map<String, String> captured = received.get(0);
        String id = captured.get("webhook-id");
        String body = captured.get("body");

        assertEquals(401, replay(id, captured.get("webhook-timestamp"), captured.get("webhook-signature"), body));
        // a second later than signed: within the receiver's five minutes, and not the pair it has seen
        String later = Long.toString(Long.parseLong(captured.get("webhook-timestamp")) + 1);
        assertEquals(401, replay(id, later, captured.get("webhook-signature"), body));
        String stale = Long.toString(Instant.now().minus(WebhookReceiverCheck.TOLERANCE).minusSeconds(60).getEpochSecond());
        assertEquals(401, replay(id, stale, signatures.sign(id, stale, body), body));

        assertEquals(List.of("REPLAYED " + id, "BAD_SIGNATURE " + id, "STALE " + id), refused);
    }

    private int replay(String id, String timestamp, String signature, String body) throws IOException {
        HttpResponse<String> answer = Stack.send(HttpClient.newHttpClient(), HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/alerts"))
                .header("webhook-id", id).header("webhook-timestamp", timestamp).header("webhook-signature", signature)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build());
        return answer.statusCode();
    }

    /** The outbox is the chain's second witness: what the receiver keeps verifies the chain as the witness file does. */
    @Test
    void theNewestAuditCheckpointReachesTheReceiverAsAWitness() throws Exception {
        Awaitility.await("a checkpoint delivered").atMost(DEADLINE).pollInterval(Duration.ofMillis(200))
                .until(() -> !checkpoints.isEmpty());
        Path kept = Files.createTempFile("received-checkpoints", ".jsonl");
        try {
            Files.writeString(kept, checkpoints.get(0).toString() + "\n");
            JsonNode verdict = AuditChains.cliVerify("--witness", kept.toString());
            assertTrue(verdict.get("ok").asBoolean(), verdict.toString());
            assertEquals(1, verdict.get("witnessedCheckpoints").asInt(), verdict.toString());
        } finally {
            Files.delete(kept);
        }
    }

    private String awaitAlert() throws Exception {
        try (Connection a = Regions.dba("a")) {
            return await("an alert is raised").atMost(DEADLINE).pollInterval(Duration.ofMillis(50))
                    .until(() -> Regions.strings(a, "SELECT id::text FROM audit.alert WHERE rule = 'repeated-denials' "
                            + "AND actor_id = ? ORDER BY raised_at DESC LIMIT 1", watchedActor), ids -> !ids.isEmpty())
                    .get(0);
        }
    }
}
