package health.citadel.app.it;

import static health.citadel.app.it.Request.anonymous;
import static health.citadel.app.it.Request.as;
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
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The API refuses every token it must not trust with 401, and logs why. Each case starts from a real, otherwise
 * valid Keycloak token, so a 401 shows the one property under test was checked.
 */
class TokenRejectionIT {

    private static final String ME = "/api/v1/me";
    private static final String NOT_SIGNED_BY_THE_REALM = "unsigned, or not signed with RS256 by a key of the realm";
    private final Stack stack = Stack.get();

    @Test
    void noToken() {
        assertEquals(401, anonymous().get(ME).send().statusCode());
    }

    @Test
    void notAToken() {
        assertRefused("not-a-jwt", "not a JWT");
    }

    @Test
    void unsignedTokenWithAlgNone() {
        String valid = validToken();
        String unsigned = encode("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + valid.split("\\.")[1] + ".";

        assertRefused(unsigned, NOT_SIGNED_BY_THE_REALM);
    }

    @Test
    void tokenSignedWithAnotherKey() throws JOSEException, ParseException {
        String valid = validToken();
        SignedJWT original = SignedJWT.parse(valid);
        RSAKey forger = new RSAKeyGenerator(2048).keyID(original.getHeader().getKeyID()).generate();
        SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(forger.getKeyID()).build(),
                original.getJWTClaimsSet());
        forged.sign(new RSASSASigner(forger));

        assertRefused(forged.serialize(), "its signature does not verify");
    }

    @Test
    void tokenWhosePayloadWasChangedAfterSigning() {
        String[] parts = validToken().split("\\.");
        ObjectNode claims = (ObjectNode) Tokens.claims(validToken());
        claims.putArray("groups").add("admin");

        assertRefused(parts[0] + "." + encode(claims.toString()) + "." + parts[2], "its signature does not verify");
    }

    @Test
    void tokenFromAnotherIssuer() {
        // the same Keycloak's master realm: a valid token, signed by a key of that server, from another issuer
        String token = KeycloakAdmin.masterRealmToken();
        assertNotEquals(stack.issuer(), Tokens.claims(token).get("iss").asText());

        // its key is not one of the citadel realm's, which is checked before the issuer
        assertRefused(token, NOT_SIGNED_BY_THE_REALM);
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

        assertRefused(token, "issued for another audience");
    }

    @Test
    void expiredToken() {
        KeycloakAdmin.ensureClient("it-short-lived", "citadel-api", 1);
        // the patient logs in without TOTP, so this grant cannot collide with another test's one-time code
        String token = Tokens.of("patient.pat", stack.keycloakUrl(), "it-short-lived");
        JsonNode claims = Tokens.claims(token);
        Instant expiry = Instant.ofEpochSecond(claims.get("exp").asLong());
        assertEquals(200, as(token).get(ME).send().statusCode(), "the token is accepted while it is valid");

        // refused once the expiry and the clock skew the test stack allows (CITADEL_JWT_CLOCK_SKEW=3s) are past
        Duration refusedWithin = Duration.between(Instant.now(), expiry.plusSeconds(3 + 2));
        await().atMost(refusedWithin.isNegative() ? Duration.ofSeconds(1) : refusedWithin)
                .pollInterval(Duration.ofMillis(250)).until(() -> as(token).get(ME).send().statusCode() == 401);
        assertRefused(token, "expired");
    }

    /**
     * The token is refused with 401, and messages.log gains the refusal's one line: the reason and a hash of the
     * token's id (which the line is matched by), nothing of the token itself (LogHygieneIT).
     */
    private void assertRefused(String token, String reason) {
        String line = "A bearer token was refused: " + reason + "; token id " + idHash(token);
        long before = linesOf(line);
        assertEquals(401, as(token).get(ME).send().statusCode());
        await("the refusal logged: " + line).atMost(Duration.ofSeconds(15)).until(() -> linesOf(line) > before);
    }

    private long linesOf(String text) {
        try (Stream<String> lines = Files.lines(stack.home().resolve("logs/liberty/messages.log"),
                StandardCharsets.ISO_8859_1)) {
            return lines.filter(line -> line.contains(text)).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** As the server hashes it: the first 16 hex digits of the SHA-256 of the token's {@code jti}. */
    private static String idHash(String token) {
        String[] parts = token.split("\\.");
        if (parts.length < 2) {
            return "none";
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(Tokens.claims(token).get("jti").asText()
                    .getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(hash).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    /** One real token for the forgery cases: they change it, never use it as it is. */
    private static String validToken() {
        return Tokens.of("nurse.joy");
    }

    private static String encode(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
