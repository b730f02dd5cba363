package health.citadel.app;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Startup;

/**
 * Started once every module's schema is migrated and Hibernate's mapping validated against it: an orchestrator
 * waits for this before it asks for readiness or liveness, however long a migration takes.
 */
@Startup
@ApplicationScoped
class SchemaStarted implements HealthCheck {

    @Inject
    SchemaOnStartup schema;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("schema-migrations").status(schema.done()).build();
    }
}
