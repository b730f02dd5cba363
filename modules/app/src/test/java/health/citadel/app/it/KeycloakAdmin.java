package health.citadel.app.it;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** The realm's admin REST API, for test-only clients that mint tokens the application must refuse. */
final class KeycloakAdmin {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private KeycloakAdmin() {
    }

    /**
     * Creates (once) a public client for password grants whose tokens carry the usual claims, with the given
     * audience and access-token lifespan.
     */
    static void ensureClient(String clientId, String audience, int accessTokenLifespanSeconds) {
        Stack stack = Stack.get();
        String admin = adminToken(stack);
        String clients = stack.keycloakUrl() + "/admin/realms/citadel/clients";
        HttpResponse<String> existing = Stack.send(HTTP, HttpRequest.newBuilder(URI.create(clients + "?clientId=" + clientId))
                .header("Authorization", "Bearer " + admin).build());
        if (Stack.json(existing).size() > 0) {
            return;
        }
        Map<String, Object> client = Map.of(
                "clientId", clientId,
                "publicClient", true,
                "standardFlowEnabled", false,
                "directAccessGrantsEnabled", true,
                "defaultClientScopes", List.of("basic", "microprofile-jwt", "profile"),
                "attributes", Map.of("access.token.lifespan", String.valueOf(accessTokenLifespanSeconds)),
                "protocolMappers", List.of(
                        Map.of("name", "audience", "protocol", "openid-connect", "protocolMapper", "oidc-audience-mapper",
                                "config", Map.of("included.custom.audience", audience, "access.token.claim", "true")),
                        Map.of("name", "amr", "protocol", "openid-connect", "protocolMapper", "oidc-amr-mapper",
                                "config", Map.of("access.token.claim", "true"))));
        try {
            HttpResponse<String> created = Stack.send(HTTP, HttpRequest.newBuilder(URI.create(clients))
                    .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(Stack.JSON.writeValueAsString(client))).build());
            if (created.statusCode() != 201) {
                throw new AssertionError("cannot create client " + clientId + ": " + created.statusCode() + " " + created.body());
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }

    private static String adminToken(Stack stack) {
        JsonNode admin = stack.descriptor().at("/keycloak/admin");
        String form = "grant_type=password&client_id=admin-cli&username="
                + URLEncoder.encode(admin.get("username").asText(), StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(admin.get("password").asText(), StandardCharsets.UTF_8);
        HttpResponse<String> response = Stack.send(HTTP, HttpRequest.newBuilder(
                        URI.create(stack.keycloakUrl() + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
        if (response.statusCode() != 200) {
            throw new AssertionError("Keycloak admin login failed: " + response.statusCode());
        }
        return Stack.json(response).get("access_token").asText();
    }
}
