package health.citadel.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * What the backups cost at the register size the run left: a logical backup, a base backup, and a
 * point-in-time restore of the writer into a new cluster, each as its own report timed it; and the WAL archive's
 * lag, from closing a segment on the writer to its arrival in the archive.
 */
final class BackupTimings {

    /** @param archiveLagMillis from {@code pg_switch_wal()} on the writer until {@code pg_stat_archiver} has it */
    record Result(long patients, double backupSeconds, long backupBytes, double baseBackupSeconds,
                  long baseBackupBytes, double pointInTimeRestoreSeconds, double archiveLagMillis) {
    }

    /** Commits after the moment restored to, which recovery needs to stop at it: the DR heartbeat writes them. */
    private static final Duration AFTER_MOMENT = Duration.ofSeconds(3);
    private static final Duration ARCHIVED = Duration.ofSeconds(60);

    private BackupTimings() {
    }

    static Result measure(LocalStack stack, PrintStream out) throws Exception {
        out.println("backups: a backup, a base backup, a point-in-time restore ...");
        long patients = stack.patients(stack.writerRegion());
        double archiveLag = archiveLagMillis(stack);
        JsonNode backup = Api.JSON.readTree(stack.citadel("dr", "backup", "--json"));
        Files.deleteIfExists(Path.of(backup.get("file").asText()));
        if (backup.hasNonNull("copy")) {
            Files.deleteIfExists(Path.of(backup.get("copy").asText()));
        }
        JsonNode base = Api.JSON.readTree(stack.citadel("dr", "base-backup", "--json"));
        Instant moment = Instant.parse(base.get("stoppedAt").asText()).plusMillis(1);
        Thread.sleep(AFTER_MOMENT.toMillis());
        Path into = stack.workDir().resolve("point-in-time-restore");
        JsonNode restore;
        try {
            restore = Api.JSON.readTree(stack.citadel("dr", "restore", "--to", moment.toString(), "--into",
                    into.toString(), "--port", String.valueOf(freePort()), "--json"));
        } finally {
            stopAndRemove(into);
        }
        Result result = new Result(patients, backup.get("tookMillis").asDouble() / 1000, backup.get("bytes").asLong(),
                base.get("tookMillis").asDouble() / 1000, base.get("bytes").asLong(),
                restore.get("tookMillis").asDouble() / 1000, archiveLag);
        out.printf("  %d patients: backup %.1f s (%d bytes), base backup %.1f s (%d bytes), point-in-time restore "
                        + "%.1f s, WAL archive lag %.0f ms%n", patients, result.backupSeconds(), result.backupBytes(),
                result.baseBackupSeconds(), result.baseBackupBytes(), result.pointInTimeRestoreSeconds(), archiveLag);
        return result;
    }

    private static double archiveLagMillis(LocalStack stack) throws SQLException, InterruptedException {
        try (Connection writer = stack.regionAsDba(stack.writerRegion()); Statement statement = writer.createStatement()) {
            long began = System.nanoTime();
            String closed;
            try (ResultSet switched = statement.executeQuery("SELECT pg_walfile_name(pg_switch_wal())")) {
                switched.next();
                closed = switched.getString(1);
            }
            while (System.nanoTime() - began < ARCHIVED.toNanos()) {
                try (ResultSet archived = statement.executeQuery("SELECT coalesce(last_archived_wal, '') "
                        + "FROM pg_stat_archiver")) {
                    archived.next();
                    if (archived.getString(1).compareTo(closed) >= 0) {
                        return (System.nanoTime() - began) / 1e6;
                    }
                }
                Thread.sleep(5);
            }
            throw new BenchFailure("the writer did not archive WAL segment " + closed + " within " + ARCHIVED);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** The recovered cluster: SIGTERM to its postmaster, then its files. */
    private static void stopAndRemove(Path data) throws IOException, InterruptedException {
        Path pidFile = data.resolve("postmaster.pid");
        if (Files.isRegularFile(pidFile)) {
            long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
            var postmaster = ProcessHandle.of(pid);
            if (postmaster.isPresent()) {
                postmaster.get().destroy();
                postmaster.get().onExit().join();
            }
        }
        if (Files.exists(data)) {
            try (Stream<Path> files = Files.walk(data)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
        Files.deleteIfExists(data.resolveSibling(data.getFileName() + ".log"));
    }
}
