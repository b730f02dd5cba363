package health.citadel.dr.internal.backup;

import health.citadel.dr.internal.RegionAccess;
import health.citadel.dr.internal.RegionFence;
import health.citadel.dr.internal.Topology;
import health.citadel.platform.jdbc.Statements;
import health.citadel.platform.progress.Progress;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code dr restore --to <moment> --into <new data folder>}: a new cluster as one region was at that moment. It
 * copies the newest base backup taken before it, replays the region's archived WAL up to the moment, and
 * promotes; then, so that the copy can never write into the pair, it drops the copy's subscriptions and fences
 * it, and replays the live erasure ledger, so a patient erased since then stays erased. The cluster is left
 * running on the port given, for the DBA to take what was lost.
 */
public final class PointInTimeRestore {

    /**
     * What was recovered.
     *
     * @param baseBackup       the base backup's folder name, which says when it started
     * @param ledgerFrom       the region whose erasure ledger was replayed; null where none answered
     * @param erasuresReplayed patients whose key the replay destroyed again
     */
    public record Report(String region, String baseBackup, Instant recoveredTo, Path into, int port, String url,
                         String ledgerFrom, int ledgerEntries, int erasuresReplayed, Duration took) {
    }

    /** As {@code recovery_target_time} reads it: no ISO 8601 {@code T} or {@code Z} */
    private static final DateTimeFormatter TARGET_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS'+00'")
            .withZone(ZoneOffset.UTC);
    private static final Duration ARCHIVED = Duration.ofMinutes(1);
    private static final Duration RECOVERED = Duration.ofMinutes(10);
    private static final Duration POLL = Duration.ofMillis(200);

    private final RegionAccess regions;
    private final PointInTimeSettings settings;
    private final Progress progress;

    public PointInTimeRestore(RegionAccess regions, PointInTimeSettings settings, Progress progress) {
        this.regions = regions;
        this.settings = settings;
        this.progress = progress;
    }

    /**
     * @param region            whose history to recover; null for the writer's
     * @param withoutLiveLedger the DBA's acknowledgement that no region answers, so the replay must come later
     */
    public Report run(String region, Instant moment, Path into, int port, boolean withoutLiveLedger)
            throws SQLException, IOException, InterruptedException {
        long began = System.nanoTime();
        String source = region != null ? region : Topology.newestWriter(regions);
        PointInTimeSettings.Storage storage = settings.of(source);
        if (Files.exists(into) && (!Files.isDirectory(into) || !isEmpty(into))) {
            throw new IOException("--into must name a new or empty folder: " + into.getFileName() + " is not");
        }
        progress.phase("reading the live writer's erasure ledger");
        ErasureLedger ledger = ErasureLedger.live(regions, withoutLiveLedger);
        BaseBackups.Taken base = new BaseBackups(storage).newestBefore(moment).orElseThrow(() -> new IOException(
                "no base backup of region " + source + " had finished by " + moment + ": no restore can reach it"));
        progress.phase("archiving region " + source + "'s current WAL segment");
        archiveCurrentWal(source);
        progress.phase("copying base backup " + base.folder().getFileName());
        copy(base.folder().resolve(BaseBackups.DATA), into);
        configureRecovery(into, storage.walArchive(), moment, port);
        progress.phase("replaying the archived WAL up to " + moment);
        new RecoveredCluster(settings.postgresBin(), into).start();
        String url = regions.urls().get(source).replaceFirst("//([^/:]+):\\d+/", "//$1:" + port + "/");
        int replayed;
        try (Connection copy = RegionAccess.connect(url, regions.dbaUser(), regions.dbaPassword())) {
            awaitPromotion(copy);
            progress.phase("fencing the copy and replaying the erasure ledger's " + ledger.entries().size()
                    + " entries");
            for (String subscription : Statements.column(copy, "SELECT subname FROM pg_subscription s JOIN pg_database d "
                    + "ON d.oid = s.subdbid WHERE d.datname = current_database()")) {
                Statements.execute(copy, "ALTER SUBSCRIPTION %I DISABLE", subscription);
                Statements.execute(copy, "ALTER SUBSCRIPTION %I SET (slot_name = NONE)", subscription);
                Statements.execute(copy, "DROP SUBSCRIPTION %I", subscription);
            }
            RegionFence.raise(copy, regions.application());
            copy.setAutoCommit(false);
            replayed = ledger.replayInto(copy);
            copy.commit();
            copy.setAutoCommit(true);
            for (String setting : List.of("restore_command", "recovery_target_time", "recovery_target_action",
                    "max_logical_replication_workers")) {
                Statements.execute(copy, "ALTER SYSTEM RESET %I", setting);
            }
        }
        return new Report(source, base.folder().getFileName().toString(), moment, into, port,
                url.replaceFirst("\\?.*$", ""), ledger.region(), ledger.entries().size(), replayed,
                Duration.ofNanos(System.nanoTime() - began));
    }

    /** Closes the live region's current WAL segment and waits for its archive, so the newest commits count. */
    private void archiveCurrentWal(String region) throws SQLException, InterruptedException {
        try (Connection dba = regions.dba(region)) {
            String closed = Statements.column(dba, "SELECT pg_walfile_name(pg_switch_wal())").get(0);
            long deadline = System.nanoTime() + ARCHIVED.toNanos();
            while (!Statements.exists(dba, "SELECT 1 FROM pg_stat_archiver WHERE last_archived_wal >= ?", closed)) {
                if (System.nanoTime() > deadline) {
                    throw new SQLException("region " + region + " did not archive WAL segment " + closed + " within "
                            + ARCHIVED.toSeconds() + " s: is its archive_command failing? (pg_stat_archiver)");
                }
                Thread.sleep(POLL.toMillis());
            }
        } catch (SQLException unreachable) {
            if (!"08001".equals(unreachable.getSQLState()) && !"08006".equals(unreachable.getSQLState())) {
                throw unreachable;
            }
            // a lost region: its archive holds what it finished, and that is what can be recovered
        }
    }

    /**
     * Recovery settings in {@code postgresql.auto.conf}, read last, so they win over the region's own: its
     * archive as the source, the moment as the target, then promotion. The copy archives nothing and applies no
     * subscription: its WAL must not mix with the region's, nor its subscriptions take the pair's changes.
     */
    private static void configureRecovery(Path into, Path walArchive, Instant moment, int port) throws IOException {
        String archive = walArchive.toAbsolutePath().toString().replace("'", "''''");
        Files.writeString(into.resolve("postgresql.auto.conf"), """

                # Written by bin/citadel dr restore --to
                port = %d
                archive_mode = off
                max_logical_replication_workers = 0
                restore_command = 'cp ''%s/%%f'' ''%%p'''
                recovery_target_time = '%s'
                recovery_target_action = 'promote'
                """.formatted(port, archive, TARGET_TIME.format(moment)), StandardOpenOption.APPEND);
        Files.deleteIfExists(into.resolve("standby.signal"));
        Files.createFile(into.resolve("recovery.signal"));
    }

    private static void awaitPromotion(Connection copy) throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + RECOVERED.toNanos();
        while (Statements.exists(copy, "SELECT 1 WHERE pg_is_in_recovery()")) {
            if (System.nanoTime() > deadline) {
                throw new SQLException("the copy was still recovering after " + RECOVERED.toMinutes() + " minutes");
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    private static boolean isEmpty(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.findAny().isEmpty();
        }
    }

    /** The base backup's data folder, owner only, as PostgreSQL demands. */
    private static void copy(Path from, Path into) throws IOException {
        Files.createDirectories(into);
        Files.setPosixFilePermissions(into, PosixFilePermissions.fromString("rwx------"));
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) throws IOException {
                Files.createDirectories(into.resolve(from.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                Files.copy(file, into.resolve(from.relativize(file).toString()), StandardCopyOption.COPY_ATTRIBUTES);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
