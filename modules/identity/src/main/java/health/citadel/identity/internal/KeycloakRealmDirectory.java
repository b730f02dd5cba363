package health.citadel.identity.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonStructure;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reads the realm through Keycloak's admin REST API as the {@code citadel-access-review} service account,
 * which holds only {@code view-users}, {@code view-events} and {@code view-realm}: for the access review, and
 * to check that a clinician put on a care team is one.
 */
@ApplicationScoped
class KeycloakRealmDirectory implements RealmDirectory {

    /** Thrown when the identity provider cannot be read; it names the HTTP status, never an account. */
    static class RealmUnavailable extends RuntimeException {
        RealmUnavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final int USER_PAGE = 100;
    private static final int EVENT_PAGE = 500;

    /** Keycloak's issuer is the realm's URL. */
    @Inject
    @ConfigProperty(name = "citadel.jwt.issuer")
    String realmUrl;

    @Inject
    @ConfigProperty(name = "citadel.identity.access-review.client-id", defaultValue = "citadel-access-review")
    String clientId;

    @Inject
    @ConfigProperty(name = "citadel.identity.access-review.client-secret")
    String clientSecret;

    /** Trusts the authorities the hospital configured (platform.tls.OutboundTrust). */
    @Inject
    HttpClient http;

    @Override
    public Realm read(Instant loginsSince) {
        String token = token();
        return new Realm(loginEvents(token), accounts(token), lastLogins(token, loginsSince));
    }

    @Override
    public Optional<RealmAccount> account(String userId) {
        String token = token();
        HttpResponse<String> user = answer(adminRequest(token, "/users/" + encode(userId)), "the admin API");
        if (user.statusCode() == 404) {
            return Optional.empty();
        }
        return Optional.of(account(token, (JsonObject) json(user, "the admin API")));
    }

    private List<RealmAccount> accounts(String token) {
        List<RealmAccount> accounts = new ArrayList<>();
        for (int first = 0; ; first += USER_PAGE) {
            JsonArray page = (JsonArray) get(token, "/users?briefRepresentation=false&first=" + first + "&max=" + USER_PAGE);
            for (JsonObject user : page.getValuesAs(JsonObject.class)) {
                accounts.add(account(token, user));
            }
            if (page.size() < USER_PAGE) {
                return accounts;
            }
        }
    }

    /** A user representation with its effective realm roles, composites expanded. */
    private RealmAccount account(String token, JsonObject user) {
        String id = user.getString("id");
        Set<String> roles = ((JsonArray) get(token, "/users/" + encode(id) + "/role-mappings/realm/composite"))
                .getValuesAs(JsonObject.class).stream().map(role -> role.getString("name"))
                .collect(Collectors.toUnmodifiableSet());
        Instant createdAt = user.containsKey("createdTimestamp") && !user.isNull("createdTimestamp")
                ? Instant.ofEpochMilli(user.getJsonNumber("createdTimestamp").longValue()) : null;
        return new RealmAccount(id, user.getString("username"), user.getBoolean("enabled", false),
                user.getBoolean("totp", false), createdAt, roles);
    }

    private Map<String, Instant> lastLogins(String token, Instant since) {
        Map<String, Instant> latest = new HashMap<>();
        // Keycloak lists events newest first, so reading stops at the first page that reaches past 'since'
        for (int first = 0; ; first += EVENT_PAGE) {
            JsonArray page = (JsonArray) get(token, "/events?type=LOGIN&first=" + first + "&max=" + EVENT_PAGE);
            for (JsonObject event : page.getValuesAs(JsonObject.class)) {
                Instant at = Instant.ofEpochMilli(event.getJsonNumber("time").longValue());
                if (at.isBefore(since)) {
                    return latest;
                }
                latest.merge(event.getString("userId"), at, (a, b) -> a.isAfter(b) ? a : b);
            }
            if (page.size() < EVENT_PAGE) {
                return latest;
            }
        }
    }

    private LoginEvents loginEvents(String token) {
        JsonObject realm = (JsonObject) get(token, "");
        JsonArray types = realm.getJsonArray("enabledEventTypes");
        // an empty list means Keycloak's default: every event type is stored
        boolean loginStored = types == null || types.isEmpty()
                || types.getValuesAs(JsonString.class).stream().anyMatch(type -> type.getString().equals("LOGIN"));
        long expirySeconds = realm.containsKey("eventsExpiration") && !realm.isNull("eventsExpiration")
                ? realm.getJsonNumber("eventsExpiration").longValue() : 0;
        return new LoginEvents(realm.getBoolean("eventsEnabled", false) && loginStored,
                expirySeconds > 0 ? Duration.ofSeconds(expirySeconds) : null);
    }

    private String token() {
        String form = "grant_type=client_credentials&client_id=" + encode(clientId) + "&client_secret=" + encode(clientSecret);
        JsonObject answer = (JsonObject) send(HttpRequest.newBuilder(URI.create(realmUrl + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)), "the token endpoint");
        return answer.getString("access_token");
    }

    private JsonStructure get(String token, String path) {
        return send(adminRequest(token, path), "the admin API");
    }

    private HttpRequest.Builder adminRequest(String token, String path) {
        return HttpRequest.newBuilder(URI.create(adminUrl() + path)).header("Authorization", "Bearer " + token).GET();
    }

    private JsonStructure send(HttpRequest.Builder request, String what) {
        return json(answer(request, what), what);
    }

    private static JsonStructure json(HttpResponse<String> response, String what) {
        if (response.statusCode() != 200) {
            throw new RealmUnavailable("Keycloak's " + what + " answered " + response.statusCode(), null);
        }
        try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
            return reader.read();
        }
    }

    private HttpResponse<String> answer(HttpRequest.Builder request, String what) {
        try {
            return http.send(request.timeout(TIMEOUT).header("Accept", "application/json").build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new RealmUnavailable("Keycloak's " + what + " cannot be reached", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RealmUnavailable("interrupted while reading Keycloak's " + what, e);
        }
    }

    /** {@code https://host/realms/citadel} has its admin API at {@code https://host/admin/realms/citadel}. */
    private String adminUrl() {
        int realms = realmUrl.lastIndexOf("/realms/");
        return realmUrl.substring(0, realms) + "/admin" + realmUrl.substring(realms);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
