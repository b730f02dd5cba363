package health.citadel.platform.migration;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
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

    /** Flyway's versioned migration file name; this project's versions are whole numbers. */
    private static final Pattern VERSIONED = Pattern.compile("V(\\d+)__.*\\.sql");

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
        var applied = new LinkedHashMap<String, Integer>();
        for (String schema : MODULE_SCHEMAS) {
            MigrateResult result = flyway(schema, owner, applicationRole).migrate();
            applied.put(schema, result.migrationsExecuted);
        }
        return applied;
    }

    /** A migration a database has not run yet; {@code script} is its file name within its module's folder. */
    public record Pending(String schema, String version, String description, String script) {
    }

    /** The migrations {@link #migrate} would run on this database, in the order it would run them. */
    public List<Pending> pending(DataSource owner, String applicationRole) {
        List<Pending> pending = new ArrayList<>();
        for (String schema : MODULE_SCHEMAS) {
            for (MigrationInfo migration : flyway(schema, owner, applicationRole).info().pending()) {
                pending.add(new Pending(schema, migration.getVersion() == null ? "" : migration.getVersion().getVersion(),
                        migration.getDescription(), migration.getScript()));
            }
        }
        return pending;
    }

    private Flyway flyway(String schema, DataSource owner, String applicationRole) {
        return Flyway.configure(classLoader)
                .dataSource(owner)
                .locations(locationRoot + "/" + schema)
                .defaultSchema(HISTORY_SCHEMA)
                .schemas(HISTORY_SCHEMA, schema)
                .createSchemas(true)
                .table(schema + "_schema_history")
                .placeholders(Map.of("appRole", applicationRole))
                .cleanDisabled(true)
                .load();
    }

    /**
     * The newest version each schema's migrations under {@code root} reach, from their file names alone ("" for
     * none), as a database migrated with them would record it: for checks that must not touch a database first.
     */
    public static Map<String, String> newestVersions(Path root, List<String> schemas) throws IOException {
        Map<String, String> versions = new LinkedHashMap<>();
        for (String schema : schemas) {
            try (Stream<Path> files = Files.list(root.resolve(schema))) {
                versions.put(schema, files.map(file -> VERSIONED.matcher(file.getFileName().toString()))
                        .filter(Matcher::matches).map(match -> Integer.parseInt(match.group(1)))
                        .max(Integer::compare).map(String::valueOf).orElse(""));
            }
        }
        return versions;
    }
}
