package health.citadel.app.it;

import static health.citadel.app.it.Patients.patient;
import static health.citadel.app.it.Request.as;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Liberty's logs carry each request's id, and never the query string, where filters name people. */
class LogHygieneIT {

    private final Stack stack = Stack.get();

    @Test
    void aRequestIsLoggedWithItsIdButWithoutItsQuery() throws Exception {
        String canary = "canary-" + UUID.randomUUID();
        HttpResponse<String> response = as(Tokens.of("auditor.ada")).get("/api/v1/audit/events?actor=" + canary)
                .send();
        assertEquals(200, response.statusCode(), response.body());
        String requestId = response.headers().firstValue("X-Request-Id").orElseThrow();

        // the access log is written asynchronously
        await("the request is in the access log").atMost(Duration.ofSeconds(15)).until(() -> logsContain(requestId));
        assertTrue(!logsContain(canary), "the query string is in no log file");
    }

    @Test
    void theAccessLogNamesTheRouteTemplateNotThePathAsSent() throws Exception {
        UUID unknown = UUID.randomUUID();
        HttpResponse<String> response = as(Tokens.of("front.desk")).get(patient(unknown)).send();
        String requestId = response.headers().firstValue("X-Request-Id").orElseThrow();
        Path accessLog = stack.home().resolve("liberty/servers/citadel/logs/http_access.log");

        // the access log is written asynchronously
        String line = await("the request's access log line").atMost(Duration.ofSeconds(15))
                .until(() -> Files.readAllLines(accessLog).stream().filter(text -> text.endsWith(requestId)).findFirst(),
                        java.util.Optional::isPresent).orElseThrow();
        assertTrue(line.contains("\"GET /api/v1/patients/{id} HTTP/"), line);
        assertTrue(!line.contains(unknown.toString()), line);
    }

    @Test
    void aLineWrittenWhileServingARequestCarriesItsId() throws Exception {
        HttpResponse<String> denied = as(Tokens.of("dr.house")).get("/api/v1/identity/roles").send();
        assertEquals(403, denied.statusCode());
        String requestId = denied.headers().firstValue("X-Request-Id").orElseThrow();

        Path messages = stack.home().resolve("logs/liberty/messages.log");
        JsonNode line = await("a JSON log line with ext_requestId " + requestId).atMost(Duration.ofSeconds(15))
                .until(() -> Files.readAllLines(messages).stream().filter(text -> text.contains("Access denied"))
                        .map(LogHygieneIT::json).filter(json -> requestId.equals(json.path("ext_requestId").asText()))
                        .findFirst(), java.util.Optional::isPresent).orElseThrow();
        assertTrue(line.get("message").asText().contains("GET /v1/identity/roles"), line.toString());
    }

    /**
     * A real token whose signature was broken: mpJwt would quote it whole, and its payload names the staff member.
     * No log of the stack may carry it, nor any token: a JWT's header and payload, base64url JSON, begin "eyJ".
     * Liberty's first-failure capture wrote each refused token's exception whole into logs/ffdc until it was
     * turned off (bootstrap.properties).
     */
    @Test
    void aTokenThatFailsItsSignatureCheckIsNotQuoted() throws Exception {
        String token = Tokens.of("dr.house");
        String payload = token.split("\\.")[1];
        String forged = token.substring(0, token.length() - 6) + (token.endsWith("AAAAAA") ? "BBBBBB" : "AAAAAA");
        assertEquals(401, as(forged).get("/api/v1/me").send().statusCode());
        // a request after it, whose access-log event in messages.log comes after the refusal's messages
        String requestId = UUID.randomUUID().toString();
        assertEquals(200, as(token).get("/api/v1/me").header("X-Request-Id", requestId).send().statusCode());

        await().atMost(Duration.ofSeconds(15)).until(() -> Files.readString(
                stack.home().resolve("logs/liberty/messages.log"), StandardCharsets.ISO_8859_1).contains(requestId));
        assertFalse(logsContain(payload), "the refused token's payload is in a log");
        assertFalse(logsContain("eyJ"), "a token is in a log");
    }

    private static JsonNode json(String line) {
        try {
            return Stack.JSON.readTree(line);
        } catch (IOException notJson) {
            return Stack.JSON.createObjectNode();
        }
    }

    private boolean logsContain(String text) throws IOException {
        for (Path file : logFiles()) {
            if (Files.readString(file, StandardCharsets.ISO_8859_1).contains(text)) {
                return true;
            }
        }
        return false;
    }

    /** Every file Liberty wrote: its log directory and its server output folder. */
    private List<Path> logFiles() throws IOException {
        Path home = stack.home();
        try (Stream<Path> logs = Files.walk(home.resolve("logs"));
             Stream<Path> output = Files.walk(home.resolve("liberty/servers/citadel/logs"))) {
            return Stream.concat(logs, output).filter(Files::isRegularFile).toList();
        }
    }
}
