package health.citadel.app.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import health.citadel.platform.migration.SchemaMigrations;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A release's schema change on a running pair of regions: {@code bin/citadel dr migrate} with one more migration,
 * which adds a table and a column to an existing one. Both must exist in both regions and carry rows from the
 * writer to the standby, and replication must go on without an apply error. Replication carries rows, not DDL,
 * so this holds only because the standby is migrated before the writer. A migration that drops is refused before
 * either region is touched. The probe is removed afterwards, the destructive way round: writer first.
 */
class MigrationReplicationIT {

    private static final Duration ARRIVES = Duration.ofSeconds(30);
    private static final String PROBE = """
            -- MigrationReplicationIT's probe: a new table, and a new column on a table that already replicates
            CREATE TABLE records.replication_probe (id uuid PRIMARY KEY, note text NOT NULL);
            ALTER TABLE records.revision ADD COLUMN probe_note text;
            """;
    private static final String PROBE_FILE = "records/V9000__replication_probe.sql";
    private static final String DROPS_FILE = "records/V9001__drop_a_column.sql";

    @Test
    void aNewTableAndANewColumnReachBothRegionsWithoutStallingReplication() throws Exception {
        Path migrations = withMigrations(Map.of(PROBE_FILE, PROBE));
        long applyErrorsBefore = applyErrors();
        try {
            // registrations write records.revision all along: had the writer gained the column first, the
            // standby could not apply them
            Map<UUID, Instant> acknowledged;
            try (WriteLoad load = new WriteLoad(3)) {
                load.awaitMore(5, ARRIVES);
                CitadelCli.Result migrate = CitadelCli.run(Map.of("CITADEL_MIGRATIONS", migrations.toString()),
                        "dr", "migrate", "--json");
                assertEquals(0, migrate.exitCode(), migrate.output());
                JsonNode report = migrate.json();
                assertEquals("a", report.get("writer").asText(), migrate.output());
                assertEquals("9000", report.get("migrations").get(0).get("version").asText(), migrate.output());
                assertEquals("[\"b\",\"a\"]", report.get("migrations").get(0).get("regions").toString(),
                        "the standby first, then the writer");
                load.awaitMore(5, ARRIVES);
                acknowledged = load.acknowledged();
                assertEquals(0, load.refused(), "no registration failed while the schema changed under it");
            }
            for (String region : List.of("a", "b")) {
                try (Connection dba = Regions.dba(region)) {
                    assertEquals(List.of("9000"), Regions.strings(dba, "SELECT version FROM "
                            + "migrations.records_schema_history WHERE version = '9000' AND success"), region);
                }
            }
            try (Connection writer = Regions.dba("a")) {
                assertEquals(List.of("SUCCESS"), Regions.strings(writer, "SELECT outcome FROM dr.operation "
                        + "WHERE action = 'DR_MIGRATE' ORDER BY finished_at DESC LIMIT 1"), "recorded for the audit");
            }
            awaitOnStandby("SELECT 1 FROM pg_subscription_rel WHERE srrelid = 'records.replication_probe'::regclass "
                    + "AND srsubstate = 'r'");

            UUID probe = UUID.randomUUID();
            String revision;
            try (Connection writer = Regions.dba("a")) {
                Regions.strings(writer, "INSERT INTO records.replication_probe (id, note) VALUES (?::uuid, 'arrived') "
                        + "RETURNING id", probe.toString());
                revision = Regions.strings(writer, "UPDATE records.revision SET probe_note = 'arrived' "
                        + "WHERE id = (SELECT max(id) FROM records.revision) RETURNING id").get(0);
            }
            UUID registered = Patients.register(Patients.Canary.fresh(), "1990-04-05", false);

            awaitOnStandby("SELECT 1 FROM records.replication_probe WHERE id = ?::uuid AND note = 'arrived'",
                    probe.toString());
            awaitOnStandby("SELECT 1 FROM records.revision WHERE id = ?::bigint AND probe_note = 'arrived'", revision);
            awaitOnStandby("SELECT 1 FROM records.patient WHERE id = ?::uuid", registered.toString());
            try (Connection standby = Regions.dba("b")) {
                assertEquals(String.valueOf(acknowledged.size()), Regions.strings(standby, "SELECT count(*) FROM "
                        + "records.patient WHERE id = ANY (?::uuid[])", acknowledged.keySet().stream()
                        .map(UUID::toString).collect(java.util.stream.Collectors.joining(",", "{", "}"))).get(0),
                        "every registration made during the change is on the standby");
            }
            assertEquals(applyErrorsBefore, applyErrors(), "the standby applied every change");
            CitadelCli.Result status = CitadelCli.run("dr", "status");
            assertEquals(0, status.exitCode(), status.output());
        } finally {
            removeProbe();
        }
    }

    @Test
    void aMigrationThatDropsIsRefusedAndNeitherRegionIsMigrated() throws Exception {
        Path migrations = withMigrations(Map.of(PROBE_FILE, PROBE, DROPS_FILE, """
                -- a column no release reads any more, dropped in the same release that stopped reading it
                ALTER TABLE records.revision DROP COLUMN x;
                """));
        Map<String, List<String>> before = histories();
        try {
            CitadelCli.Result migrate = CitadelCli.runWithErrors(Map.of("CITADEL_MIGRATIONS", migrations.toString()),
                    "dr", "migrate");
            assertEquals(1, migrate.exitCode(), migrate.output());
            assertTrue(migrate.output().contains(DROPS_FILE + " line 2: ALTER TABLE ... DROP COLUMN"), migrate.output());
            assertTrue(migrate.output().contains("release N+1 removes the old"), migrate.output());
            assertEquals(before, histories(), "neither region ran a migration, not even the additive one");
            for (String region : List.of("a", "b")) {
                try (Connection dba = Regions.dba(region)) {
                    assertEquals(List.of(), Regions.strings(dba,
                            "SELECT 1 WHERE to_regclass('records.replication_probe') IS NOT NULL"), region);
                }
            }
        } finally {
            removeProbe();
        }
    }

    /** Every module's schema history in each region, row by row. */
    private static Map<String, List<String>> histories() throws SQLException {
        Map<String, List<String>> histories = new LinkedHashMap<>();
        for (String region : List.of("a", "b")) {
            try (Connection dba = Regions.dba(region)) {
                for (String schema : SchemaMigrations.MODULE_SCHEMAS) {
                    histories.put(region + " " + schema, Regions.strings(dba, "SELECT concat_ws(' ', installed_rank, "
                            + "version, checksum, success) FROM migrations." + schema + "_schema_history "
                            + "ORDER BY installed_rank"));
                }
            }
        }
        return histories;
    }

    /** The checkout's migrations and these files beside them, as a release would ship them. */
    private static Path withMigrations(Map<String, String> added) throws Exception {
        Path source = Path.of(System.getProperty("citadel.root"), "db", "migrations");
        Path copy = Files.createTempDirectory("citadel-migrations");
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Path target = copy.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
        for (Map.Entry<String, String> file : added.entrySet()) {
            Files.writeString(copy.resolve(file.getKey()), file.getValue());
        }
        return copy;
    }

    private static long applyErrors() throws SQLException {
        try (Connection standby = Regions.dba("b")) {
            return Long.parseLong(Regions.strings(standby, "SELECT coalesce(sum(apply_error_count), 0) "
                    + "FROM pg_stat_subscription_stats").get(0));
        }
    }

    /** Waits until the standby answers the query with a row. */
    private static void awaitOnStandby(String query, String... parameters) throws Exception {
        try (Connection standby = Regions.dba("b")) {
            await("region B answers " + query).atMost(ARRIVES).pollInterval(Duration.ofMillis(50))
                    .until(() -> Regions.strings(standby, query, parameters), rows -> !rows.isEmpty());
        }
    }

    /** Destructive changes go to the writer first, so the standby never lacks what the writer sends. */
    private static void removeProbe() throws SQLException {
        for (String region : List.of("a", "b")) {
            try (Connection dba = Regions.dba(region)) {
                dba.createStatement().execute("DROP TABLE IF EXISTS records.replication_probe");
                dba.createStatement().execute("ALTER TABLE records.revision DROP COLUMN IF EXISTS probe_note");
                dba.createStatement().execute("DELETE FROM migrations.records_schema_history "
                        + "WHERE version IN ('9000', '9001')");
            }
        }
    }
}
