package health.citadel.app.portal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Keycloak as the portal's OpenID provider: the portal is the confidential client {@code citadel-portal}, logs
 * in with the authorization code and PKCE (S256), redeems codes and refresh tokens server to server, and ends
 * the Keycloak session on logout.
 */
@ApplicationScoped
class OpenIdProvider {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    /** Trusts the authorities the hospital configured (platform.tls.OutboundTrust). */
    @Inject
    HttpClient http;

    @Inject
    @ConfigProperty(name = "citadel.jwt.issuer")
    String issuer;

    @Inject
    @ConfigProperty(name = "citadel.portal.client-id", defaultValue = "citadel-portal")
    String clientId;

    @Inject
    @ConfigProperty(name = "citadel.portal.client-secret")
    String clientSecret;

    /** Where the portal is reached, e.g. {@code https://localhost:9443/portal}: Keycloak redirects back there. */
    @Inject
    @ConfigProperty(name = "citadel.portal.url")
    String portalUrl;

    String issuer() {
        return issuer;
    }

    String clientId() {
        return clientId;
    }

    /**
     * Keycloak's login page for this login. A step-up login adds {@code prompt=login} and {@code max_age=0}, so
     * that Keycloak asks again instead of answering from its session.
     */
    URI authorization(PortalSession.PendingLogin login) {
        Map<String, String> fields = new LinkedHashMap<>(Map.of(
                "client_id", clientId, "response_type", "code", "scope", "openid", "redirect_uri", callback(),
                "state", login.state(), "nonce", login.nonce(), "code_challenge", challenge(login.codeVerifier()),
                "code_challenge_method", "S256"));
        if (login.stepUp()) {
            fields.put("prompt", "login");
            fields.put("max_age", "0");
        }
        return URI.create(endpoint("auth") + "?" + form(fields));
    }

    /** The tokens for a code Keycloak returned to the callback, or empty when it refuses it. */
    Optional<PortalSession.Tokens> redeem(String code, String codeVerifier) {
        return tokenRequest(Map.of("grant_type", "authorization_code", "code", code, "redirect_uri", callback(),
                "code_verifier", codeVerifier));
    }

    /**
     * New tokens for a refresh token (which Keycloak then refuses: they rotate), or empty when it is refused. The
     * login's {@code auth_time} carries over, so a refresh never renews step-up.
     */
    Optional<PortalSession.Tokens> refresh(String refreshToken) {
        return tokenRequest(Map.of("grant_type", "refresh_token", "refresh_token", refreshToken));
    }

    /**
     * Ends the person's Keycloak session, server to server (the logout endpoint, with the session's refresh token and
     * the client's secret). The browser is not sent there: the CSP's {@code form-action 'self'} forbids a logout
     * form's redirect to another origin.
     *
     * @return whether Keycloak confirmed it
     */
    boolean endSession(String refreshToken) {
        return post("logout", Map.of("refresh_token", refreshToken)).statusCode() / 100 == 2;
    }

    private String callback() {
        return portalUrl + "/session/callback";
    }

    private Optional<PortalSession.Tokens> tokenRequest(Map<String, String> grant) {
        HttpResponse<String> response = post("token", grant);
        if (response.statusCode() != 200) {
            return Optional.empty();
        }
        JsonObject tokens = Json.createReader(new StringReader(response.body())).readObject();
        return Optional.of(new PortalSession.Tokens(tokens.getString("access_token"),
                tokens.getString("refresh_token"), tokens.getString("id_token", null)));
    }

    /** A form posted to one of Keycloak's endpoints as the portal's client, with its secret. */
    private HttpResponse<String> post(String endpoint, Map<String, String> grant) {
        Map<String, String> fields = new LinkedHashMap<>(grant);
        fields.put("client_id", clientId);
        fields.put("client_secret", clientSecret);
        HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint(endpoint))).timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(fields))).build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new KeycloakUnavailable(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KeycloakUnavailable(e);
        }
    }

    private String endpoint(String name) {
        return issuer + "/protocol/openid-connect/" + name;
    }

    private static String challenge(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(field -> field.getKey() + "="
                + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }
}
