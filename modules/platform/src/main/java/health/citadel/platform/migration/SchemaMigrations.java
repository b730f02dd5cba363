package health.citadel.platform.migration;

import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Migrates every module's PostgreSQL schema with Flyway, one history table per module.
 *
 * <p>The history tables live in their own schema, {@value #HISTORY_SCHEMA}, because logical replication
 * publishes whole module schemas and Flyway's bookkeeping must not travel with them: each region is
 * migrated on its own, before replication starts.
 */
public final class SchemaMigrations {

    /** The schema that holds Flyway's history tables; never published. */
    public static final String HISTORY_SCHEMA = "migrations";

    /** One schema per module, in the order their migrations run. */
    public static final List<String> MODULE_SCHEMAS = List.of("audit", "identity", "records", "dr");

    private final String locationRoot;
    private final ClassLoader classLoader;

    /**
     * @param locationRoot where the per-module folders are: {@code classpath:db/migrations} inside the WAR,
     *                     {@code filesystem:/path/to/db/migrations} for the local stack
     */
    public SchemaMigrations(String locationRoot, ClassLoader classLoader) {
        this.locationRoot = locationRoot;
        this.classLoader = classLoader;
    }

    /**
     * Migrates every module schema as the schema owner, granting the application role only what the
     * migrations grant it.
     *
     * @return the number of migrations applied, per schema
     */
    public Map<String, Integer> migrate(DataSource owner, String applicationRole) {
        var applied = new java.util.LinkedHashMap<String, Integer>();
        for (String schema : MODULE_SCHEMAS) {
            MigrateResult result = Flyway.configure(classLoader)
                    .dataSource(owner)
                    .locations(locationRoot + "/" + schema)
                    .defaultSchema(HISTORY_SCHEMA)
                    .schemas(HISTORY_SCHEMA, schema)
                    .createSchemas(true)
                    .table(schema + "_schema_history")
                    .placeholders(Map.of("appRole", applicationRole))
                    .cleanDisabled(true)
                    .load()
                    .migrate();
            applied.put(schema, result.migrationsExecuted);
        }
        return applied;
    }
}
