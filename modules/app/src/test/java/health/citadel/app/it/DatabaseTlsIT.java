package health.citadel.app.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * No database link travels in clear: each region's {@code pg_hba.conf} admits TLS only, every client the stack
 * describes verifies the server against the stack's authority, and replication runs over TLS 1.3.
 */
class DatabaseTlsIT {

    @ParameterizedTest
    @ValueSource(strings = {"a", "b"})
    void aConnectionInClearIsRefused(String region) {
        var entry = Stack.get().descriptor().at("/regions/" + region);
        String inClear = entry.get("jdbcUrl").asText().replace("sslmode=verify-full", "sslmode=disable");
        assertTrue(inClear.contains("sslmode=disable"), inClear);

        SQLException refused = assertThrows(SQLException.class, () -> DriverManager.getConnection(inClear,
                entry.get("dbaUser").asText(), entry.get("dbaPassword").asText()).close());
        assertEquals("28000", refused.getSQLState(), refused.getMessage());
        assertTrue(refused.getMessage().contains("no encryption"), refused.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "b"})
    void theStacksOwnConnectionsAreTls13(String region) throws SQLException {
        try (Connection dba = Regions.dba(region)) {
            assertEquals(List.of("true TLSv1.3"), Regions.strings(dba,
                    "SELECT ssl || ' ' || version FROM pg_stat_ssl WHERE pid = pg_backend_pid()"));
        }
    }

    /** Liberty's pool (on the writer) and its DR monitor (on both) hold connections at any time. */
    @Test
    void theApplicationsConnectionsAreTls() throws SQLException {
        Set<String> ssl = new HashSet<>();
        for (String region : List.of("a", "b")) {
            try (Connection dba = Regions.dba(region)) {
                ssl.addAll(Regions.strings(dba, "SELECT s.ssl::text FROM pg_stat_ssl s JOIN pg_stat_activity p "
                        + "USING (pid) WHERE p.usename IN ('citadel_app', 'citadel_monitor')"));
            }
        }
        assertEquals(Set.of("true"), ssl);
    }

    @Test
    void replicationRunsOverVerifiedTls() throws Exception {
        Regions.assertReplicationOverVerifiedTls();
    }
}
