package health.citadel.app.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Each way a token fails the API's checks gets its own fixed reason, and a good token none. */
class TokenRefusalTest {

    private static final String ISSUER = "https://keycloak.example/realms/citadel";
    private static RSAKey realmKey;
    private static DefaultJWTProcessor<SecurityContext> api;

    @BeforeAll
    static void realm() throws JOSEException {
        realmKey = new RSAKeyGenerator(2048).keyID("realm").generate();
        api = TokenVerifier.processor(new ImmutableJWKSet<>(new JWKSet(realmKey.toPublicJWK())), ISSUER, "citadel-api", 3);
    }

    @Test
    void aGoodTokenIsNotRefused() throws JOSEException {
        assertEquals(Optional.empty(), TokenRefusal.of(api, signed(realmKey, claims -> claims)));
    }

    @Test
    void eachFaultHasItsReason() throws JOSEException {
        Instant now = Instant.now();
        assertRefused(TokenRefusal.NOT_A_JWT, "not-a-jwt");
        assertRefused(TokenRefusal.NOT_SIGNED_BY_THE_REALM, new PlainJWT(good().build()).serialize());
        assertRefused(TokenRefusal.NOT_SIGNED_BY_THE_REALM,
                signed(new RSAKeyGenerator(2048).keyID("elsewhere").generate(), claims -> claims));
        assertRefused(TokenRefusal.SIGNATURE, signed(new RSAKeyGenerator(2048).keyID("realm").generate(), c -> c));
        assertRefused(TokenRefusal.EXPIRED, signed(realmKey, claims -> claims.expirationTime(Date.from(now.minusSeconds(60)))));
        assertRefused(TokenRefusal.NOT_YET_VALID, signed(realmKey, claims -> claims.notBeforeTime(Date.from(now.plusSeconds(60)))));
        assertRefused(TokenRefusal.ANOTHER_AUDIENCE, signed(realmKey, claims -> claims.audience("another-api")));
        assertRefused(TokenRefusal.ANOTHER_ISSUER, signed(realmKey, claims -> claims.issuer("https://elsewhere")));
        assertRefused(TokenRefusal.MISSING_CLAIM, signed(realmKey, claims -> claims.subject(null)));
    }

    @Test
    void realmKeysThatCannotBeFetchedAreNamedAsSuchNotAsAForgery() throws JOSEException {
        JWKSource<SecurityContext> unreachable = (selector, context) -> {
            throw new KeySourceException("the realm's JWKS did not answer");
        };
        DefaultJWTProcessor<SecurityContext> apiWithoutKeys = TokenVerifier.processor(unreachable, ISSUER, "citadel-api", 3);

        assertEquals(Optional.of(TokenRefusal.KEYS_UNAVAILABLE),
                TokenRefusal.of(apiWithoutKeys, signed(realmKey, claims -> claims)));
    }

    @Test
    void theLogNamesTheTokenByAHashOfItsIdOnly() throws Exception {
        String token = signed(realmKey, claims -> claims.jwtID("onrtac:4b1c"));
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest("onrtac:4b1c".getBytes(StandardCharsets.UTF_8))).substring(0, 16);

        assertEquals("sha256:" + expected, RefusedTokenLog.idHash(token));
        assertEquals("none", RefusedTokenLog.idHash(signed(realmKey, claims -> claims.jwtID(null))));
        assertEquals("none", RefusedTokenLog.idHash("not-a-jwt"));
    }

    private static void assertRefused(TokenRefusal expected, String token) {
        assertEquals(Optional.of(expected), TokenRefusal.of(api, token));
    }

    private static JWTClaimsSet.Builder good() {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().issuer(ISSUER).audience("citadel-api").subject("f7e0f389")
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(300))).jwtID("id-1");
    }

    private static String signed(RSAKey key, UnaryOperator<JWTClaimsSet.Builder> change) throws JOSEException {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                change.apply(good()).build());
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }
}
