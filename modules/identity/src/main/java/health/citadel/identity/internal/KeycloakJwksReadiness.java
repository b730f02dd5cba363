package health.citadel.identity.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while the identity provider publishes the keys that sign our tokens. */
@Readiness
@ApplicationScoped
class KeycloakJwksReadiness implements HealthCheck {

    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    /** Trusts the authorities the hospital configured (platform.tls.OutboundTrust). */
    @Inject
    HttpClient http;

    @Inject
    @ConfigProperty(name = "citadel.jwt.jwks-uri")
    String jwksUri;

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("keycloak-jwks");
        try {
            HttpResponse<String> keys = http.send(
                    HttpRequest.newBuilder(URI.create(jwksUri)).timeout(TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            boolean published = keys.statusCode() == 200 && keys.body().contains("\"keys\"");
            return response.status(published).withData("status", keys.statusCode()).build();
        } catch (IOException e) {
            return response.down().withData("error", e.getClass().getSimpleName()).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return response.down().build();
        }
    }
}
