package health.citadel.app.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Both regions are migrated, A publishes to B, and B is fenced against the application. */
class RegionsIT {

    @ParameterizedTest
    @ValueSource(strings = {"a", "b"})
    void everyModuleSchemaIsMigratedInEveryRegion(String region) throws SQLException {
        try (Connection dba = Regions.dba(region)) {
            for (String schema : List.of("audit", "identity", "records", "dr")) {
                assertEquals(List.of("1"), Regions.strings(dba,
                        "SELECT version FROM migrations." + schema + "_schema_history WHERE success AND version = '1'"),
                        schema + " in region " + region);
            }
        }
    }

    @Test
    void onlyTheStandbyIsFencedAgainstTheApplication() throws SQLException {
        String fence = """
                SELECT array_to_string(s.setconfig, ',') FROM pg_db_role_setting s
                JOIN pg_roles r ON r.oid = s.setrole JOIN pg_database d ON d.oid = s.setdatabase
                WHERE r.rolname = 'citadel_app' AND d.datname = 'citadel'""";
        try (Connection a = Regions.dba("a"); Connection b = Regions.dba("b")) {
            assertEquals(List.of(), Regions.strings(a, fence));
            assertEquals(List.of("default_transaction_read_only=on"), Regions.strings(b, fence));
        }
    }

    @Test
    void theStandbyReceivesTheWritersRows() throws SQLException, InterruptedException {
        String probe = "records.it_replication_probe";
        String marker = UUID.randomUUID().toString();
        try (Connection a = Regions.dba("a"); Connection b = Regions.dba("b")) {
            // DDL is not replicated: the table is created on both sides, subscriber first, owned as a migration's
            // would be: the apply worker writes as the table's owner, which the DR role owning the subscription
            // after any DR operation may become, and a superuser it may not
            for (Connection region : List.of(b, a)) {
                region.createStatement().execute("CREATE TABLE IF NOT EXISTS " + probe + " (id uuid PRIMARY KEY)");
                region.createStatement().execute("ALTER TABLE " + probe + " OWNER TO citadel_owner");
            }
            b.createStatement().execute("ALTER SUBSCRIPTION citadel_sub REFRESH PUBLICATION WITH (copy_data = false)");
            try (var insert = a.prepareStatement("INSERT INTO " + probe + " VALUES (?::uuid)")) {
                insert.setString(1, marker);
                insert.executeUpdate();
            }
            List<String> replicated = await().atMost(Duration.ofSeconds(30)).until(() -> Regions.strings(b,
                    "SELECT id::text FROM " + probe + " WHERE id = ?::uuid", marker), rows -> !rows.isEmpty());
            assertEquals(List.of(marker), replicated, "the row written in region A reached region B");
            // gone again, the writer first: a backup holds the module schemas whole, and restores migrations only
            for (Connection region : List.of(a, b)) {
                region.createStatement().execute("DROP TABLE " + probe);
            }
        }
    }

    @Test
    void theSubscriptionWorkerRuns() throws SQLException {
        try (Connection b = Regions.dba("b")) {
            List<String> workers = Regions.strings(b,
                    "SELECT pid::text FROM pg_stat_subscription WHERE subname = 'citadel_sub' AND pid IS NOT NULL");
            assertTrue(!workers.isEmpty(), "an apply worker is attached");
        }
    }
}
