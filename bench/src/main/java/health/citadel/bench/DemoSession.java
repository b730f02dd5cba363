package health.citadel.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One demo user signed in with password and TOTP, as a script would. The access token lives 5 minutes, so it is
 * refreshed with the refresh token before it runs out. Such a token never steps up (a password grant has no
 * {@code auth_time}): see {@link PortalVisitor#steppedUpToken}.
 */
final class DemoSession {

    /** Refresh this long before the token expires, so no call of a phase meets an expired token. */
    private static final Duration MARGIN = Duration.ofSeconds(90);

    private final LocalStack stack;
    private final Api api;
    private final String username;
    private final Authenticator authenticator;
    private String accessToken;
    private String refreshToken;
    private Instant expiresAt = Instant.EPOCH;

    DemoSession(LocalStack stack, Api api, String username, Authenticator authenticator) {
        this.stack = stack;
        this.api = api;
        this.username = username;
        this.authenticator = authenticator;
    }

    String username() {
        return username;
    }

    Authenticator authenticator() {
        return authenticator;
    }

    synchronized String bearer() {
        if (Instant.now().plus(MARGIN).isAfter(expiresAt)) {
            if (refreshToken == null) {
                signIn();
            } else {
                accept(token(Map.of("grant_type", "refresh_token", "client_id", stack.tokenClient(),
                        "refresh_token", refreshToken)));
            }
        }
        return accessToken;
    }

    /** Signs in with password and a TOTP code not used before. */
    private void signIn() {
        JsonNode login = stack.login(username);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "password");
        form.put("client_id", stack.tokenClient());
        form.put("username", username);
        form.put("password", login.get("password").asText());
        form.put("totp", authenticator.unspentCode());
        accept(token(form));
    }

    private JsonNode token(Map<String, String> form) {
        HttpResponse<String> response = api.tokenRequest(stack.tokenEndpoint(), form);
        if (response.statusCode() != 200) {
            throw new BenchFailure("Keycloak refused a token for " + username + " (" + response.statusCode() + ")");
        }
        return Api.json(response);
    }

    private void accept(JsonNode token) {
        accessToken = token.get("access_token").asText();
        refreshToken = token.path("refresh_token").asText(null);
        expiresAt = Instant.now().plusSeconds(token.get("expires_in").asLong());
    }
}
