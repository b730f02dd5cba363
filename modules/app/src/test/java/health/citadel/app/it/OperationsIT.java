package health.citadel.app.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Health, metrics and the API description, as operators and Prometheus see them. */
class OperationsIT {

    private final Stack stack = Stack.get();

    @Test
    void readinessCoversTheDatabaseAndKeycloaksKeys() {
        HttpResponse<String> response = stack.get("/health/ready", null);

        assertEquals(200, response.statusCode(), response.body());
        JsonNode health = Stack.json(response);
        assertEquals("UP", health.get("status").asText());
        Map<String, String> checks = new HashMap<>();
        health.get("checks").forEach(check -> checks.put(check.get("name").asText(), check.get("status").asText()));
        assertEquals("UP", checks.get("database"), health.toString());
        assertEquals("UP", checks.get("keycloak-jwks"), health.toString());
    }

    @Test
    void livenessIsUp() {
        HttpResponse<String> response = stack.get("/health/live", null);

        assertEquals(200, response.statusCode(), response.body());
        assertEquals("UP", Stack.json(response).get("status").asText());
    }

    @Test
    void metricsAreServedInPrometheusFormat() {
        stack.get("/api/v1/me", Tokens.of("dr.house"));

        HttpResponse<String> response = stack.get("/metrics", null);

        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
        assertTrue(response.body().contains("# TYPE "), "Prometheus exposition format");
        assertTrue(response.body().contains("REST_request"), "per-endpoint request metrics");
    }

    @Test
    void openApiDescribesTheApi() {
        HttpResponse<String> response = stack.get("/openapi", null);

        assertEquals(200, response.statusCode());
        assertTrue(response.body().contains("/api/v1/me:"), response.body());
        assertTrue(response.body().contains("bearerFormat: JWT"), response.body());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/health/ready", "/metrics", "/api/v1/me"})
    void everyResponseCarriesHstsAndNoSniff(String path) {
        HttpResponse<String> response = stack.get(path, null);

        assertTrue(response.headers().firstValue("Strict-Transport-Security").orElse("").contains("max-age=31536000"),
                path + " " + response.headers().map());
        assertEquals("nosniff", response.headers().firstValue("X-Content-Type-Options").orElse(""));
        assertTrue(response.headers().firstValue("Server").isEmpty(), "no server banner");
    }
}
