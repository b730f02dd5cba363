package health.citadel.app.it;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.InvalidKeyException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.spec.SecretKeySpec;
import org.apache.commons.codec.binary.Base32;
import org.awaitility.Awaitility;

/**
 * Real tokens from the stack's Keycloak: by an interactive login on the portal client with the demo user's TOTP
 * code (the only kind of token whose second factor step-up accepts, for it carries {@code auth_time}), or by the
 * scripts' password grant.
 *
 * <p>Keycloak accepts each TOTP code once: a token is shared until it is within a minute of expiring, and a
 * login for the same person takes a code not used yet rather than failing on a spent one.
 */
public final class Tokens {

    private static final Map<String, String> ISSUED = new ConcurrentHashMap<>();
    private static final HttpClient HTTP = HttpClient.newBuilder().sslContext(Stack.get().trustingStack()).build();
    private static final long TOTP_PERIOD_SECONDS = 30;
    private static final long FRESH_FOR_SECONDS = 60;
    /** The TOTP time step each person's last code belonged to. */
    private static final Map<String, Long> LAST_SPENT_STEP = new ConcurrentHashMap<>();

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

    /**
     * A code the person has not used yet, marked as used. Keycloak takes each code once, from the current 30-second
     * step or, within the realm's look-around window of one, the next: so two logins in one step need no wait, and
     * a third waits (at most a step) until the next step's code is new.
     */
    static String spendCode(Stack.DemoLogin login) {
        long step = Awaitility.await("an unspent code for " + login.username())
                .atMost(Duration.ofSeconds(2 * TOTP_PERIOD_SECONDS)).pollInterval(Duration.ofMillis(250))
                .until(() -> unspentStep(login.username()), unspent -> unspent <= currentStep() + 1);
        LAST_SPENT_STEP.put(login.username(), step);
        return totp(login.totpSecret(), step);
    }

    /** The earliest step, from the current one on, whose code the person has not used: steps are spent in order. */
    private static long unspentStep(String username) {
        Long last = LAST_SPENT_STEP.get(username);
        return last == null ? currentStep() : Math.max(currentStep(), last + 1);
    }

    private static long currentStep() {
        return Instant.now().getEpochSecond() / TOTP_PERIOD_SECONDS;
    }

    /** The RFC 6238 code of a Base32 secret for a time step, as an authenticator app shows it during that step. */
    private static String totp(String base32Secret, long step) {
        try {
            var generator = new TimeBasedOneTimePasswordGenerator();
            var key = new SecretKeySpec(new Base32().decode(base32Secret), generator.getAlgorithm());
            return generator.generateOneTimePasswordString(key, Instant.ofEpochSecond(step * TOTP_PERIOD_SECONDS));
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
