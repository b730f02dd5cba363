package health.citadel.app.it;

import health.citadel.platform.jdbc.Statements;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.nio.file.Files;
import java.nio.file.Path;
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
