package health.citadel.records.internal.keys;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Startup;

/**
 * Started once the chart's key material is loaded and works: the key-encryption key wraps and unwraps (a keyset
 * file, or a KMS key this instance may use) and the blind-index keyset is read. Without them no chart can be read or
 * written, so an instance whose secrets are not mounted, or whose role may not use the KMS key, never reports started.
 */
@Startup
@ApplicationScoped
class KeyMaterialStarted implements HealthCheck {

    @Inject
    ChartKeys chartKeys;

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("key-material");
        try {
            return response.status(chartKeys.loaded()).build();
        } catch (RuntimeException e) {
            // the keysets' paths, the KMS key and their contents stay out of the answer: only that they failed
            return response.down().withData("problem", "the key material cannot be read or used").build();
        }
    }
}
