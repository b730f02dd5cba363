package health.citadel.app.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import health.citadel.platform.jdbc.Statements;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** DBA connections to the stack's two regions, as {@code stack.json} describes them. */
final class Regions {

    private Regions() {
    }

    static Connection dba(String region) throws SQLException {
        var entry = Stack.get().descriptor().at("/regions/" + region);
        return DriverManager.getConnection(entry.get("jdbcUrl").asText(), entry.get("dbaUser").asText(),
                entry.get("dbaPassword").asText());
    }

    static List<String> strings(Connection connection, String query, String... parameters) throws SQLException {
        return Statements.column(connection, query, (Object[]) parameters);
    }

    /**
     * The standby's subscription names {@code sslmode=verify-full} and the authority's certificate, and the
     * writer serves it over TLS 1.3: replication never travels in clear, whichever region writes.
     */
    static void assertReplicationOverVerifiedTls() throws Exception {
        String subscription = "SELECT subconninfo FROM pg_subscription WHERE subdbid = "
                + "(SELECT oid FROM pg_database WHERE datname = current_database())";
        try (Connection a = dba("a"); Connection b = dba("b")) {
            boolean aSubscribes = !strings(a, subscription).isEmpty();
            Connection standby = aSubscribes ? a : b;
            Connection writer = aSubscribes ? b : a;
            String conninfo = strings(standby, subscription).get(0);
            assertTrue(conninfo.contains("sslmode='verify-full'") && conninfo.contains("sslrootcert="),
                    "the subscription verifies the writer: " + conninfo.replaceAll("password='[^']*'", "password=…"));
            List<String> senders = await().atMost(Duration.ofSeconds(30)).until(() -> strings(writer,
                    "SELECT s.ssl || ' ' || s.version FROM pg_stat_ssl s JOIN pg_stat_activity p USING (pid) "
                            + "WHERE p.backend_type = 'walsender'"), rows -> !rows.isEmpty());
            assertEquals(List.of("true TLSv1.3"), senders.stream().distinct().toList(), "the writer's WAL senders");
        }
    }

    /** SIGKILL to the region's postmaster and every process under it, as when its machine dies. */
    static Instant kill(String region) throws Exception {
        Path pidFile = Stack.get().home().resolve("postgres").resolve(region).resolve("postmaster.pid");
        long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
        ProcessHandle postmaster = ProcessHandle.of(pid).orElseThrow();
        List<ProcessHandle> all = new ArrayList<>(postmaster.descendants().toList());
        all.add(0, postmaster);
        all.forEach(ProcessHandle::destroyForcibly);
        Instant killedAt = Instant.now();
        for (ProcessHandle process : all) {
            process.onExit().get(30, TimeUnit.SECONDS);
        }
        return killedAt;
    }
}
