package health.citadel.identity.internal;

import health.citadel.platform.background.BackgroundWork;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/**
 * Whether Keycloak answers with the keys that sign our tokens, probed in the background and published as a
 * metric: readiness is asked only by a load balancer, and an alert needs the answer in Prometheus. While
 * Keycloak is away, tokens already issued still verify against the cached keys, but no one can sign in.
 */
@ApplicationScoped
class KeycloakReachability {

    private static final Metadata REACHABLE = Metadata.builder().withName("citadel_identity_keycloak_reachable")
            .withDescription("1 when Keycloak published its signing keys at the latest probe, else 0").build();
    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    /** Trusts the authorities the hospital configured (platform.tls.OutboundTrust). */
    @Inject
    HttpClient http;

    @Inject
    @ConfigProperty(name = "citadel.jwt.jwks-uri")
    String jwksUri;

    @Inject
    @ConfigProperty(name = "citadel.identity.keycloak-probe-interval", defaultValue = "PT15S")
    Duration interval;

    @Inject
    BackgroundWork background;

    @Inject
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    MetricRegistry metrics;

    /** Unknown until the first probe: counted as unreachable, which an alert's {@code for} duration absorbs. */
    private volatile boolean reachable;

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        metrics.gauge(REACHABLE, () -> reachable ? 1 : 0);
        background.every(interval, "Keycloak probe", () -> reachable = keysPublished());
    }

    private boolean keysPublished() {
        try {
            HttpResponse<String> keys = http.send(HttpRequest.newBuilder(URI.create(jwksUri)).timeout(TIMEOUT).GET()
                    .build(), HttpResponse.BodyHandlers.ofString());
            return keys.statusCode() == 200 && keys.body().contains("\"keys\"");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
