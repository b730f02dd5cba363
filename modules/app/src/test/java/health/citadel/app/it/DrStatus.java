package health.citadel.app.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;

/** {@code GET /api/v1/dr/status}, polled until it shows what a test waits for. */
final class DrStatus {

    private static final Duration DEADLINE = Duration.ofSeconds(30);

    private DrStatus() {
    }

    /** The first status, read with {@code token}, that meets {@code condition}; fails after 30 s. */
    static JsonNode await(String token, Predicate<JsonNode> condition) throws Exception {
        Instant deadline = Instant.now().plus(DEADLINE);
        JsonNode status;
        do {
            HttpResponse<String> response = Stack.get().get("/api/v1/dr/status", token);
            assertEquals(200, response.statusCode(), response.body());
            status = Stack.json(response);
            if (condition.test(status)) {
                return status;
            }
            Thread.sleep(250);
        } while (Instant.now().isBefore(deadline));
        throw new AssertionError("the replication status never became as expected: " + status);
    }
}
