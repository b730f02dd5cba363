package health.citadel.app.it;

import static health.citadel.app.it.Request.as;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Predicate;
import org.awaitility.Awaitility;

/** {@code GET /api/v1/dr/status}, polled until it shows what a test waits for. */
final class DrStatus {

    private static final Duration DEADLINE = Duration.ofSeconds(30);

    private DrStatus() {
    }

    /** The first status, read with {@code token}, that meets {@code condition}; fails after 30 s. */
    static JsonNode await(String token, Predicate<JsonNode> condition) {
        return Awaitility.await("the replication status as expected").atMost(DEADLINE)
                .pollInterval(Duration.ofMillis(250)).until(() -> {
                    HttpResponse<String> response = as(token).get("/api/v1/dr/status").send();
                    assertEquals(200, response.statusCode(), response.body());
                    return Stack.json(response);
                }, condition::test);
    }
}
