package health.citadel.app.it;

import static health.citadel.app.it.Request.object;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.codec.binary.Base32;

/**
 * The realm's admin REST API: test-only clients that mint tokens the application must refuse, and accounts
 * planted for the access review to find.
 */
final class KeycloakAdmin {

    private static final HttpClient HTTP = HttpClient.newBuilder().sslContext(Stack.get().trustingStack()).build();

    private KeycloakAdmin() {
    }

    /**
     * Creates (once) a public client for password grants whose tokens carry the usual claims, with the given
     * audience and access-token lifespan.
     */
    static void ensureClient(String clientId, String audience, int accessTokenLifespanSeconds) {
        ensureClient(clientId, audience, accessTokenLifespanSeconds, Map.of());
    }

    /**
     * A client whose password grants skip the OTP step: a copy of Keycloak's built-in flow without it. It
     * mints staff tokens that prove no second factor, which the realm itself never issues.
     */
    static void ensurePasswordOnlyClient(String clientId) {
        Stack stack = Stack.get();
        String admin = adminToken(stack);
        String flows = stack.keycloakUrl() + "/admin/realms/citadel/authentication/flows";
        String flow = clientId + "-flow";
        if (findFlowId(admin, flows, flow) == null) {
            expect(201, Stack.send(HTTP, json(HttpRequest.newBuilder(URI.create(flows + "/direct%20grant/copy")), admin,
                    Map.of("newName", flow)).build()), "copy flow");
            JsonNode executions = Stack.json(Stack.send(HTTP, HttpRequest.newBuilder(
                    URI.create(flows + "/" + flow + "/executions")).header("Authorization", "Bearer " + admin).build()));
            for (JsonNode execution : executions) {
                if ("CONDITIONAL".equals(execution.path("requirement").asText()) && execution.path("level").asInt() == 0) {
                    expect(204, Stack.send(HTTP, HttpRequest.newBuilder(URI.create(stack.keycloakUrl()
                                    + "/admin/realms/citadel/authentication/executions/" + execution.get("id").asText()))
                            .header("Authorization", "Bearer " + admin).DELETE().build()), "drop the OTP step");
                }
            }
        }
        ensureClient(clientId, "citadel-api", 300, Map.of("direct_grant", findFlowId(admin, flows, flow)));
    }

    /** A new random TOTP secret in Base32, for {@link #plantUser}. */
    static String totpSecret() {
        byte[] key = new byte[20];
        new SecureRandom().nextBytes(key);
        return new Base32().encodeToString(key);
    }

    /**
     * Creates an account as if it had existed since {@code createdAt}, with the given realm roles and, when a
     * Base32 secret is given, a TOTP credential. Returns its id.
     */
    static String plantUser(String username, String password, Instant createdAt, String totpSecret, String... roles) {
        Stack stack = Stack.get();
        String admin = adminToken(stack);
        String realm = stack.keycloakUrl() + "/admin/realms/citadel";
        List<Map<String, Object>> credentials = new ArrayList<>();
        credentials.add(Map.of("type", "password", "value", password, "temporary", false));
        if (totpSecret != null) {
            // Keycloak takes both as JSON in a string
            credentials.add(Map.of("type", "otp", "secretData", object("value", totpSecret).toString(),
                    "credentialData", object("subType", "totp", "digits", 6, "counter", 0, "period", 30,
                            "algorithm", "HmacSHA1", "secretEncoding", "BASE32").toString()));
        }
        HttpResponse<String> created = Stack.send(HTTP, json(HttpRequest.newBuilder(URI.create(realm + "/users")), admin,
                Map.of("username", username, "enabled", true, "createdTimestamp", createdAt.toEpochMilli(),
                        // a complete profile, or Keycloak holds the first login for a profile update
                        "firstName", "Planted", "lastName", "Account", "email", username + "@example.org",
                        "emailVerified", true, "credentials", credentials)).build());
        expect(201, created, "create " + username);
        String location = created.headers().firstValue("Location").orElseThrow();
        String id = location.substring(location.lastIndexOf('/') + 1);
        List<JsonNode> realmRoles = new ArrayList<>();
        for (String role : roles) {
            realmRoles.add(Stack.json(Stack.send(HTTP, HttpRequest.newBuilder(URI.create(realm + "/roles/" + role))
                    .header("Authorization", "Bearer " + admin).build())));
        }
        expect(204, Stack.send(HTTP, json(HttpRequest.newBuilder(URI.create(realm + "/users/" + id
                + "/role-mappings/realm")), admin, realmRoles).build()), "grant roles to " + username);
        return id;
    }

    private static HttpRequest.Builder json(HttpRequest.Builder request, String admin, Object body) {
        try {
            return request.header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(Stack.JSON.writeValueAsString(body)));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }

    private static String findFlowId(String admin, String flows, String alias) {
        for (JsonNode flow : Stack.json(Stack.send(HTTP, HttpRequest.newBuilder(URI.create(flows))
                .header("Authorization", "Bearer " + admin).build()))) {
            if (alias.equals(flow.get("alias").asText())) {
                return flow.get("id").asText();
            }
        }
        return null;
    }

    private static void expect(int status, HttpResponse<String> response, String what) {
        if (response.statusCode() != status) {
            throw new AssertionError(what + ": " + response.statusCode() + " " + response.body());
        }
    }

    private static void ensureClient(String clientId, String audience, int accessTokenLifespanSeconds,
                                     Map<String, String> flowOverrides) {
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
                "authenticationFlowBindingOverrides", flowOverrides,
                "protocolMappers", List.of(
                        Map.of("name", "audience", "protocol", "openid-connect", "protocolMapper", "oidc-audience-mapper",
                                "config", Map.of("included.custom.audience", audience, "access.token.claim", "true")),
                        Map.of("name", "amr", "protocol", "openid-connect", "protocolMapper", "oidc-amr-mapper",
                                "config", Map.of("access.token.claim", "true"))));
        expect(201, Stack.send(HTTP, json(HttpRequest.newBuilder(URI.create(clients)), admin, client).build()),
                "create client " + clientId);
    }

    /** The bootstrap administrator's token from the master realm: an issuer the application does not trust. */
    static String masterRealmToken() {
        return adminToken(Stack.get());
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
