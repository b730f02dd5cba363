package health.citadel.app.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * The API refuses every token it must not trust with 401. Each case starts from a real, otherwise valid
 * Keycloak token, so a 401 shows the one property under test was checked.
 */
class TokenRejectionIT {

    private static final String ME = "/api/v1/me";
    private final Stack stack = Stack.get();

    @Test
    void noToken() {
        assertEquals(401, stack.get(ME, null).statusCode());
    }

    @Test
    void notAToken() {
        assertEquals(401, stack.get(ME, "not-a-jwt").statusCode());
    }

    @Test
    void unsignedTokenWithAlgNone() {
        String valid = validToken();
        String unsigned = encode("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + valid.split("\\.")[1] + ".";

        assertEquals(401, stack.get(ME, unsigned).statusCode());
    }

    @Test
    void tokenSignedWithAnotherKey() throws JOSEException, ParseException {
        String valid = validToken();
        SignedJWT original = SignedJWT.parse(valid);
        RSAKey forger = new RSAKeyGenerator(2048).keyID(original.getHeader().getKeyID()).generate();
        SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(forger.getKeyID()).build(),
                original.getJWTClaimsSet());
        forged.sign(new RSASSASigner(forger));

        assertEquals(401, stack.get(ME, forged.serialize()).statusCode());
    }

    @Test
    void tokenWhosePayloadWasChangedAfterSigning() {
        String[] parts = validToken().split("\\.");
        ObjectNode claims = (ObjectNode) Tokens.claims(validToken());
        claims.putArray("groups").add("admin");

        assertEquals(401, stack.get(ME, parts[0] + "." + encode(claims.toString()) + "." + parts[2]).statusCode());
    }

    @Test
    void tokenFromAnotherIssuer() {
        // the same Keycloak's master realm: a valid token, signed by a key of that server, from another issuer
        String token = KeycloakAdmin.masterRealmToken();
        assertNotEquals(stack.issuer(), Tokens.claims(token).get("iss").asText());

        assertEquals(401, stack.get(ME, token).statusCode());
    }

    @Test
    void keycloakNamesOneIssuerWhateverHostItIsReachedBy() {
        // production mode fixes the host name: a token fetched through another name still has the stack's "iss"
        String otherHostUrl = stack.keycloakUrl().replace("127.0.0.1", "localhost");
        String token = Tokens.of("front.desk", otherHostUrl, "citadel-cli");

        assertEquals(stack.issuer(), Tokens.claims(token).get("iss").asText());
    }

    @Test
    void tokenForAnotherAudience() {
        KeycloakAdmin.ensureClient("it-other-audience", "some-other-api", 300);
        String token = Tokens.of("auditor.ada", stack.keycloakUrl(), "it-other-audience");
        assertFalse(Tokens.claims(token).get("aud").toString().contains("citadel-api"));

        assertEquals(401, stack.get(ME, token).statusCode());
    }

    @Test
    void expiredToken() {
        KeycloakAdmin.ensureClient("it-short-lived", "citadel-api", 1);
        // the patient logs in without TOTP, so this grant cannot collide with another test's one-time code
        String token = Tokens.of("patient.pat", stack.keycloakUrl(), "it-short-lived");
        JsonNode claims = Tokens.claims(token);
        Instant expiry = Instant.ofEpochSecond(claims.get("exp").asLong());
        assertEquals(200, stack.get(ME, token).statusCode(), "the token is accepted while it is valid");

        // refused once the expiry and the clock skew the test stack allows (CITADEL_JWT_CLOCK_SKEW=3s) are past
        Duration refusedWithin = Duration.between(Instant.now(), expiry.plusSeconds(3 + 2));
        await().atMost(refusedWithin.isNegative() ? Duration.ofSeconds(1) : refusedWithin)
                .pollInterval(Duration.ofMillis(250)).until(() -> stack.get(ME, token).statusCode() == 401);
    }

    /** One real token for the forgery cases: they change it, never use it as it is. */
    private static String validToken() {
        return Tokens.of("nurse.joy");
    }

    private static String encode(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
