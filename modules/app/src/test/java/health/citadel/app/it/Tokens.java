package health.citadel.app.it;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.InvalidKeyException;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.spec.SecretKeySpec;
import org.apache.commons.codec.binary.Base32;

/**
 * Real tokens from the stack's Keycloak: by an interactive login on the portal client with the demo user's TOTP
 * code (the only kind of token whose second factor step-up accepts, for it carries {@code auth_time}), or by the
 * scripts' password grant.
 *
 * <p>Keycloak accepts each TOTP code once: a token is shared until it is within a minute of expiring, and a
 * second login for the same person waits for the next 30-second code rather than failing on a spent one.
 */
public final class Tokens {

    private static final Map<String, String> ISSUED = new ConcurrentHashMap<>();
    private static final HttpClient HTTP = HttpClient.newBuilder().sslContext(Stack.get().trustingStack()).build();
    private static final long TOTP_PERIOD_SECONDS = 30;
    private static final long FRESH_FOR_SECONDS = 60;
    /** The TOTP time step each person's last code belonged to. */
    private static final Map<String, Long> SPENT_STEP = new ConcurrentHashMap<>();

    private Tokens() {
    }

    /** The person's shared token from an interactive login, as the portal has it. */
    public static synchronized String of(String username) {
        return shared(username + "|portal", () -> session(username).accessToken());
    }

    /** The shared token of the scripts' password grant, through any issuer URL. */
    public static synchronized String of(String username, String keycloakUrl, String clientId) {
        return shared(username + "|" + keycloakUrl + "|" + clientId,
                () -> accessToken(username, grant(Stack.get().login(username), keycloakUrl, clientId, true)));
    }

    /** A new interactive login with the TOTP code, its refresh token included. */
    public static synchronized PortalLogin.Session session(String username) {
        Stack.DemoLogin login = Stack.get().login(username);
        return PortalLogin.as(login, () -> spendCode(login));
    }

    /** The shared token, fetched anew once it is within a minute of expiring: the suite outlives a token. */
    private static String shared(String key, java.util.function.Supplier<String> fetch) {
        String issued = ISSUED.get(key);
        if (issued != null && claims(issued).get("exp").asLong() - Instant.now().getEpochSecond() > FRESH_FOR_SECONDS) {
            return issued;
        }
        issued = fetch.get();
        ISSUED.put(key, issued);
        return issued;
    }

    /**
     * A new token that proves no second factor, from the client {@link KeycloakAdmin#ensurePasswordOnlyClient}
     * made (create it first).
     */
    public static String withoutSecondFactor(String username, String passwordOnlyClient) {
        return accessToken(username, grant(Stack.get().login(username), Stack.get().keycloakUrl(), passwordOnlyClient,
                false));
    }

    /** A new token with the TOTP code, not the shared one: its second factor is as recent as can be. */
    public static synchronized String fresh(String username) {
        return session(username).accessToken();
    }

    private static String accessToken(String username, HttpResponse<String> response) {
        if (response.statusCode() != 200) {
            throw new AssertionError("no token for " + username + ": " + response.statusCode() + " " + response.body());
        }
        return Stack.json(response).get("access_token").asText();
    }

    /** The raw token endpoint answer, optionally without the TOTP code. */
    public static HttpResponse<String> grant(Stack.DemoLogin login, String keycloakUrl, String clientId, boolean withTotp) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "password");
        form.put("client_id", clientId);
        form.put("username", login.username());
        form.put("password", login.password());
        if (withTotp && login.totpSecret() != null) {
            form.put("totp", spendCode(login));
        }
        return Stack.send(HTTP, HttpRequest.newBuilder(
                        URI.create(keycloakUrl + "/realms/citadel/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(PortalLogin.form(form))).build());
    }

    /** A code the person has not used yet (waiting for the next one if need be), marked as used. */
    static String spendCode(Stack.DemoLogin login) {
        awaitUnspentCode(login.username());
        SPENT_STEP.put(login.username(), Instant.now().getEpochSecond() / TOTP_PERIOD_SECONDS);
        return totp(login.totpSecret());
    }

    /** Waits until the person's current code has not been used yet: at most one TOTP period. */
    private static void awaitUnspentCode(String username) {
        Long spent = SPENT_STEP.get(username);
        while (spent != null && Instant.now().getEpochSecond() / TOTP_PERIOD_SECONDS <= spent) {
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** The current RFC 6238 code for a Base32 secret, as an authenticator app shows it. */
    public static String totp(String base32Secret) {
        try {
            var generator = new TimeBasedOneTimePasswordGenerator();
            var key = new SecretKeySpec(new Base32().decode(base32Secret), generator.getAlgorithm());
            return generator.generateOneTimePasswordString(key, Instant.now());
        } catch (InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The token's claims, decoded without verifying: tests compare them, the server verifies. */
    public static JsonNode claims(String token) {
        try {
            return Stack.JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
        } catch (java.io.IOException e) {
            throw new AssertionError("not a JWT", e);
        }
    }
}
