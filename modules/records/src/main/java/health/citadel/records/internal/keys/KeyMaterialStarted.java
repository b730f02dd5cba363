package health.citadel.records.internal.keys;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Startup;

/**
 * Started once the chart's key material is loaded: the key-encryption keyset and the blind-index keyset. Without
 * them no chart can be read or written, so an instance whose secrets are not mounted never reports started.
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
            // the keysets' paths and contents stay out of the answer: only that they could not be read
            return response.down().withData("problem", "a keyset cannot be read").build();
        }
    }
}
