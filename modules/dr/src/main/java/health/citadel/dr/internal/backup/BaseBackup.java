package health.citadel.dr.internal.backup;

import health.citadel.dr.internal.RegionAccess;
import health.citadel.dr.internal.Topology;
import health.citadel.platform.jdbc.Statements;
import health.citadel.platform.progress.Progress;
import jakarta.json.Json;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * {@code dr base-backup}: a copy of the writer's data folder through PostgreSQL's low-level backup API
 * ({@code pg_backup_start}, a file copy, {@code pg_backup_stop}), from which a point-in-time restore replays the
 * archived WAL. It runs on the database host, which holds the folder; the copy appears under its final name only
 * when whole, and retention then removes the oldest base backups and the WAL no kept one needs.
 */
public final class BaseBackup {

    /** What was copied. */
    public record Report(String region, Path folder, Instant startedAt, Instant stoppedAt, String stopWal, long files,
                         long bytes, int removed, Duration took) {
    }

    /** What PostgreSQL rebuilds at start, or only this server may use: not copied (see "Making a Base Backup"). */
    private static final Set<String> EMPTIED = Set.of("pg_wal", "pg_replslot", "pg_dynshmem", "pg_notify",
            "pg_serial", "pg_snapshots", "pg_stat_tmp", "pg_subtrans");
    private static final Set<String> SKIPPED = Set.of("postmaster.pid", "postmaster.opts", "backup_label",
            "tablespace_map", "pg_internal.init");

    private final RegionAccess regions;
    private final PointInTimeSettings settings;
    private final Clock clock;
    private final Progress progress;

    public BaseBackup(RegionAccess regions, PointInTimeSettings settings, Clock clock, Progress progress) {
        this.regions = regions;
        this.settings = settings;
        this.clock = clock;
        this.progress = progress;
    }

    public Report take() throws SQLException, IOException {
        long began = System.nanoTime();
        String region = Topology.newestWriter(regions);
        PointInTimeSettings.Storage storage = settings.of(region);
        try (Connection dba = regions.dba(region)) {
            if (!"on".equals(setting(dba, "archive_mode"))) {
                throw new SQLException("region " + region + " does not archive its WAL (archive_mode is not on), so "
                        + "no point in time after a base backup could be reached: see the README's backups section");
            }
            Path data = Path.of(setting(dba, "data_directory"));
            if (!Files.isRegularFile(data.resolve("PG_VERSION"))) {
                throw new IOException("region " + region + "'s data folder is not on this machine: run dr base-backup "
                        + "on the database host");
            }
            Instant startedAt = clock.instant();
            BaseBackups folders = new BaseBackups(storage);
            Path partial = folders.start(startedAt);
            long[] copied;
            String stopWal;
            try {
                progress.phase("starting the backup on region " + region + " (a checkpoint)");
                Statements.column(dba, "SELECT pg_backup_start(?, true)::text", "citadel " + startedAt);
                try {
                    progress.phase("copying the data folder");
                    copied = copy(data, partial.resolve(BaseBackups.DATA));
                } finally {
                    progress.phase("ending the backup, once the WAL it needs is archived");
                    stopWal = stop(dba, partial.resolve(BaseBackups.DATA));
                }
            } catch (IOException | SQLException | RuntimeException e) {
                BaseBackups.delete(partial);
                throw e;
            }
            Instant stoppedAt = clock.instant();
            Files.writeString(partial.resolve(BaseBackups.MANIFEST), Json.createObjectBuilder()
                    .add("region", region).add("startedAt", startedAt.toString())
                    .add("stoppedAt", stoppedAt.toString()).add("stopWal", stopWal).build().toString());
            Path folder = folders.finish(partial, startedAt);
            progress.phase("keeping the newest " + settings.keepBaseBackups() + " base backups");
            int removed = folders.keepNewest(settings.keepBaseBackups());
            return new Report(region, folder, startedAt, stoppedAt, stopWal, copied[0], copied[1], removed,
                    Duration.ofNanos(System.nanoTime() - began));
        }
    }

    private static String setting(Connection dba, String name) throws SQLException {
        return Statements.column(dba, "SELECT current_setting(?)", name).get(0);
    }

    /**
     * Ends the backup, waiting until the WAL it needs is archived, and writes the label PostgreSQL returns where
     * a restore expects it.
     *
     * @return the WAL segment the backup ends in
     */
    private static String stop(Connection dba, Path copy) throws SQLException, IOException {
        try (Statement statement = dba.createStatement();
             ResultSet stopped = statement.executeQuery("SELECT labelfile, spcmapfile, pg_walfile_name(lsn) "
                     + "FROM pg_backup_stop(true)")) {
            stopped.next();
            Files.writeString(copy.resolve("backup_label"), stopped.getString(1));
            String tablespaces = stopped.getString(2);
            if (tablespaces != null && !tablespaces.isEmpty()) {
                Files.writeString(copy.resolve("tablespace_map"), tablespaces);
            }
            return stopped.getString(3);
        }
    }

    /** @return the files and bytes copied; a file that goes while the server runs is one it did not need */
    private static long[] copy(Path data, Path target) throws IOException {
        long[] copied = new long[2];
        Files.walkFileTree(data, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) throws IOException {
                Files.createDirectories(target.resolve(data.relativize(dir).toString()));
                return dir.equals(data) || !EMPTIED.contains(dir.getFileName().toString())
                        ? FileVisitResult.CONTINUE : FileVisitResult.SKIP_SUBTREE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                String name = file.getFileName().toString();
                if (SKIPPED.contains(name) || name.startsWith("pgsql_tmp")) {
                    return FileVisitResult.CONTINUE;
                }
                try {
                    Files.copy(file, target.resolve(data.relativize(file).toString()),
                            StandardCopyOption.COPY_ATTRIBUTES);
                    copied[0]++;
                    copied[1] += attributes.size();
                } catch (NoSuchFileException gone) {
                    // dropped while copying: the WAL replay knows it is gone
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw e;
            }
        });
        return copied;
    }
}
