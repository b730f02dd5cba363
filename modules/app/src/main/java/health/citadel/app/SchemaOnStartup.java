package health.citadel.app;

import health.citadel.platform.migration.SchemaMigrations;
import health.citadel.platform.migration.SchemaReady;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.SessionFactory;

/**
 * Brings the database schema up to date before the first request, then checks that the JPA mapping
 * matches it. Liberty builds the persistence unit before this runs, so validation has to happen here
 * rather than through {@code hbm2ddl=validate}.
 */
@ApplicationScoped
class SchemaOnStartup {

    private static final Logger LOG = Logger.getLogger(SchemaOnStartup.class.getName());

    @Resource(lookup = "jdbc/citadelOwner")
    DataSource owner;

    @PersistenceUnit(unitName = "citadel")
    EntityManagerFactory entityManagerFactory;

    @Inject
    @ConfigProperty(name = "citadel.db.app-role", defaultValue = "citadel_app")
    String applicationRole;

    @Inject
    Event<SchemaReady> schemaReady;

    private volatile boolean done;

    void migrate(@Observes @Initialized(ApplicationScoped.class) Object started) {
        var applied = new SchemaMigrations("classpath:db/migrations", SchemaOnStartup.class.getClassLoader())
                .migrate(owner, applicationRole);
        LOG.info(() -> "Schema migrations applied: " + applied);
        entityManagerFactory.unwrap(SessionFactory.class).getSchemaManager().validateMappedObjects();
        done = true;
        schemaReady.fire(new SchemaReady());
    }

    /** Whether the schema is migrated and the mapping matches it: what {@code /health/started} waits for. */
    boolean done() {
        return done;
    }
}
