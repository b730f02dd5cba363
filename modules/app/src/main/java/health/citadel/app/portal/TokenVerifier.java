package health.citadel.app.portal;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.MalformedURLException;
import java.net.URI;
import java.text.ParseException;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Verifies the tokens the portal holds with the checks Liberty's mpJwt makes for the API (server.xml): RS256
 * signature by a key of Keycloak's JWKS, issuer, audience, expiry with the same clock skew. The ID token is checked
 * for the portal's own client as its audience.
 */
@ApplicationScoped
class TokenVerifier {

    /** Liberty's duration form, as server.xml's mpJwt reads the same variable: seconds here, e.g. {@code 30s}. */
    private static final Pattern SECONDS = Pattern.compile("(\\d+)s?");

    /** The API's own skew (CITADEL_JWT_CLOCK_SKEW), so that a page and the API accept the same tokens. */
    @Inject
    @ConfigProperty(name = "citadel.jwt.clock-skew", defaultValue = "30s")
    String clockSkew;

    @Inject
    @ConfigProperty(name = "citadel.jwt.jwks.uri")
    String jwksUri;

    @Inject
    @ConfigProperty(name = "citadel.jwt.audience", defaultValue = "citadel-api")
    String apiAudience;

    /** The issuer and the portal's client: the ID token's audience. */
    @Inject
    OpenIdProvider provider;

    private DefaultJWTProcessor<SecurityContext> accessTokens;
    private DefaultJWTProcessor<SecurityContext> idTokens;

    @PostConstruct
    void configure() {
        try {
            JWKSource<SecurityContext> keys = JWKSourceBuilder.create(URI.create(jwksUri).toURL()).build();
            int skewSeconds = skewSeconds(clockSkew);
            accessTokens = processor(keys, provider.issuer(), apiAudience, skewSeconds);
            idTokens = processor(keys, provider.issuer(), provider.clientId(), skewSeconds);
        } catch (MalformedURLException e) {
            throw new IllegalStateException("citadel.jwt.jwks.uri is not a URL", e);
        }
    }

    private static int skewSeconds(String clockSkew) {
        Matcher seconds = SECONDS.matcher(clockSkew.trim());
        if (!seconds.matches()) {
            throw new IllegalStateException("CITADEL_JWT_CLOCK_SKEW must be whole seconds, e.g. 30s");
        }
        return Integer.parseInt(seconds.group(1));
    }

    static DefaultJWTProcessor<SecurityContext> processor(JWKSource<SecurityContext> keys, String issuer,
            String audience, int skewSeconds) {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keys));
        DefaultJWTClaimsVerifier<SecurityContext> claims = new DefaultJWTClaimsVerifier<>(Set.of(audience),
                new JWTClaimsSet.Builder().issuer(issuer).build(), Set.of("sub", "exp", "iat"), null);
        claims.setMaxClockSkew(skewSeconds);
        processor.setJWTClaimsSetVerifier(claims);
        return processor;
    }

    /** The access token as the API would accept it, or empty when it is not (expired, forged, another issuer). */
    Optional<VerifiedToken> accessToken(String token) {
        return verify(accessTokens, token).map(claims -> new VerifiedToken(token, claims));
    }

    /** Why the API would refuse this access token, or empty if these checks accept it. */
    Optional<TokenRefusal> refusal(String token) {
        return TokenRefusal.of(accessTokens, token);
    }

    /** The ID token's claims when it is genuine and was issued to the portal. */
    Optional<JWTClaimsSet> idToken(String token) {
        return verify(idTokens, token);
    }

    private static Optional<JWTClaimsSet> verify(DefaultJWTProcessor<SecurityContext> processor, String token) {
        try {
            return Optional.of(processor.process(token, null));
        } catch (ParseException | BadJOSEException | JOSEException refused) {
            // the reason may quote the token's claims: it is not logged
            return Optional.empty();
        }
    }
}
