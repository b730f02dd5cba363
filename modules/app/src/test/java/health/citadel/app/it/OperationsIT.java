package health.citadel.app.it;

import static health.citadel.app.it.Request.anonymous;
import static health.citadel.app.it.Request.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Health, metrics and the API description, as operators and Prometheus see them. */
class OperationsIT {

    private final Stack stack = Stack.get();
    private final HttpClient https = HttpClient.newBuilder().sslContext(stack.trustingStack()).build();

    /**
     * The public listener serves the application only: Liberty's probe, metrics and description endpoints, which
     * no limit of the application's reaches, answer on the management listener (whatever host a proxy names), and
     * the application not there. On the public listener these paths are the application's, which serves nothing
     * there: 403 as a problem document.
     */
    @ParameterizedTest
    @ValueSource(strings = {"/health", "/health/ready", "/health/live", "/metrics", "/openapi", "/openapi/ui"})
    void theManagementEndpointsAreNotOnThePublicListener(String path) {
        for (String host : List.of(stack.app("").getAuthority(), "citadel.hospital.example", "citadel.hospital.example:443")) {
            HttpResponse<String> publicly = anonymous().get(path).header("Host", host).send();

            assertEquals(403, publicly.statusCode(), path + " as " + host);
            assertTrue(publicly.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        }
        assertEquals(200, stack.managementGet(path.equals("/health/ready") ? path : "/health/live").statusCode());
        assertEquals(404, stack.managementGet("/api/v1/me").statusCode(), "the API is not on the management listener");
        assertEquals(404, stack.managementGet("/portal/").statusCode(), "nor the portal");
    }

    /** Through the hospital's proxy the Host header names the public name and port, not the listener's. */
    @Test
    void theApplicationAnswersWhateverHostTheProxyNames() {
        for (String host : List.of("citadel.hospital.example", "citadel.hospital.example:443")) {
            HttpResponse<String> response = as(Tokens.of("dr.house")).get("/api/v1/me").header("Host", host).send();
            assertEquals(200, response.statusCode(), host);
        }
    }

    @Test
    void readinessIsThisInstancesOwnDatabaseAndKeycloaksKeysOnly() {
        HttpResponse<String> response = stack.managementGet("/health/ready");

        assertEquals(200, response.statusCode(), response.body());
        JsonNode health = Stack.json(response);
        assertEquals("UP", health.get("status").asText());
        Map<String, String> checks = new HashMap<>();
        health.get("checks").forEach(check -> checks.put(check.get("name").asText(), check.get("status").asText()));
        // replication is the DBA's to watch: a dead standby must not take this instance out of service
        assertEquals(Map.of("database", "UP", "keycloak-jwks", "UP"), checks, health.toString());
    }

    @Test
    void startedWaitsForTheMigrationsAndTheKeyMaterial() {
        HttpResponse<String> response = stack.managementGet("/health/started");

        assertEquals(200, response.statusCode(), response.body());
        Map<String, String> checks = new HashMap<>();
        Stack.json(response).get("checks").forEach(check ->
                checks.put(check.get("name").asText(), check.get("status").asText()));
        assertEquals(Map.of("schema-migrations", "UP", "key-material", "UP"), checks);
    }

    @Test
    void livenessIsUp() {
        HttpResponse<String> response = stack.managementGet("/health/live");

        assertEquals(200, response.statusCode(), response.body());
        assertEquals("UP", Stack.json(response).get("status").asText());
    }

    @Test
    void metricsAreServedInPrometheusFormat() {
        as(Tokens.of("dr.house")).get("/api/v1/me").send();

        HttpResponse<String> response = stack.managementGet("/metrics");

        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
        assertTrue(response.body().contains("# TYPE "), "Prometheus exposition format");
        assertTrue(response.body().contains("REST_request"), "per-endpoint request metrics");
    }

    @Test
    void openApiDescribesTheApi() {
        HttpResponse<String> response = stack.managementGet("/openapi");

        assertEquals(200, response.statusCode());
        assertTrue(response.body().contains("/api/v1/me:"), response.body());
        assertTrue(response.body().contains("bearerFormat: JWT"), response.body());
    }

    @Test
    void openApiDescribesTheRecordsBodies() {
        HttpResponse<String> response = Stack.send(https,
                HttpRequest.newBuilder(stack.management("/openapi")).header("Accept", "application/json").build());
        assertEquals(200, response.statusCode());
        JsonNode api = Stack.json(response);

        JsonNode register = api.at("/paths/~1api~1v1~1patients/post");
        assertDescribed(register.at("/requestBody"));
        JsonNode registration = component(api, register.at("/requestBody/content/application~1json/schema"));
        assertDescribed(registration);
        JsonNode demographics = component(api, registration.at("/properties/demographics"));
        assertDescribed(demographics);
        assertTrue(demographics.at("/properties/nationalId/description").asText().contains("masked"),
                demographics.toString());

        JsonNode registered = component(api, register.at("/responses/201/content/application~1json/schema"));
        assertDescribed(registered);
        assertDescribed(registered.at("/properties/version"));
        assertTrue(registered.at("/properties/demographics").isObject(), registered.toString());

        JsonNode chart = component(api,
                api.at("/paths/~1api~1v1~1patients~1{id}~1chart/get/responses/200/content/application~1json/schema"));
        assertDescribed(chart);
        assertDescribed(chart.at("/properties/entries"));
        assertEquals(registered, component(api, chart.at("/properties/patient")));
    }

    /** The component a schema names, by $ref or through a single allOf. */
    private static JsonNode component(JsonNode api, JsonNode schema) {
        String ref = schema.path("$ref").asText(schema.at("/allOf/0/$ref").asText(""));
        assertTrue(ref.startsWith("#/components/schemas/"), "no component in " + schema);
        JsonNode component = api.at(ref.substring(1));
        assertTrue(component.isObject(), ref + " is not in the document");
        return component;
    }

    /** A description on the node itself, or beside its $ref in an allOf. */
    private static void assertDescribed(JsonNode node) {
        boolean described = !node.path("description").asText().isBlank();
        for (JsonNode part : node.path("allOf")) {
            described |= !part.path("description").asText().isBlank();
        }
        assertTrue(described, "no description: " + node);
    }

    static List<URI> onBothListeners() {
        Stack stack = Stack.get();
        return List.of(stack.management("/health/ready"), stack.management("/metrics"), stack.app("/api/v1/me"),
                stack.app("/health/ready"));
    }

    @ParameterizedTest
    @MethodSource("onBothListeners")
    void everyResponseCarriesHstsAndNoSniff(URI uri) {
        HttpResponse<String> response = Stack.send(https,
                HttpRequest.newBuilder(uri).build());

        assertTrue(response.headers().firstValue("Strict-Transport-Security").orElse("").contains("max-age=31536000"),
                uri + " " + response.headers().map());
        assertEquals("nosniff", response.headers().firstValue("X-Content-Type-Options").orElse(""));
        assertTrue(response.headers().firstValue("Server").isEmpty(), "no server banner");
    }
}
