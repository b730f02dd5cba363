package health.citadel.dr.internal.operations;

import health.citadel.dr.api.FailoverReport;
import health.citadel.dr.api.FenceReport;
import health.citadel.dr.api.RejoinReport;
import health.citadel.dr.api.SwitchoverReport;
import health.citadel.dr.internal.RegionAccess;
import health.citadel.dr.internal.RegionFence;
import health.citadel.dr.internal.Topology;
import health.citadel.dr.internal.backup.Backup;
import health.citadel.dr.internal.backup.BackupSettings;
import health.citadel.dr.internal.backup.BaseBackup;
import health.citadel.dr.internal.backup.PointInTimeRestore;
import health.citadel.dr.internal.backup.PointInTimeSettings;
import health.citadel.dr.internal.backup.Restore;
import health.citadel.platform.progress.Progress;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/**
 * Runs a DR operation for {@code bin/citadel dr} and the DBA console alike: the operation itself, its report, a
 * line in the journal and a row in {@code dr.operation} on the region that writes afterwards, which the
 * application audits. A refused or failed operation is journaled and recorded too. Only one runs at a time,
 * wherever it is started: see {@link OperationLock}.
 */
public final class Operations {

    /** The operations, as the command line names them; each is audited as {@code DR_<NAME>}. */
    public enum Kind {
        SWITCHOVER, FAILOVER, FENCE, SALVAGE, REJOIN, BACKUP, RESTORE, MIGRATE, BASE_BACKUP, POINT_IN_TIME_RESTORE;

        public String command() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        String action() {
            return "DR_" + name();
        }

        /** Whether a new writer takes over. */
        public boolean movesWriter() {
            return this == SWITCHOVER || this == FAILOVER;
        }
    }

    /**
     * How an operation ended.
     *
     * @param report      what it did; null when it was refused or failed
     * @param json        the report as {@code bin/citadel dr ... --json} prints it; null with the report
     * @param reason      why it was refused or failed; null when it succeeded
     * @param writesAfter the region that takes writes afterwards, where the record went; null where unknown
     * @param unrecorded  why the record reached the journal but not the region's {@code dr.operation}; else null
     */
    public record Outcome<R>(Kind kind, R report, JsonObject json, String reason, String writesAfter,
                             String unrecorded) {

        public boolean succeeded() {
            return report != null;
        }
    }

    /**
     * What an operation did; {@code recorded} is what the journal and the audit keep of it, which may be less.
     *
     * @param completed false where it did only part of its work (a backup whose copy failed), which the journal and
     *                  the audit record as a failure, with the report
     */
    private record Done<R>(R report, JsonObject json, JsonObject recorded, String writesAfter, boolean completed) {

        Done(R report, JsonObject json, String writesAfter) {
            this(report, json, json, writesAfter, true);
        }

        Done(R report, JsonObject json, JsonObject recorded, String writesAfter) {
            this(report, json, recorded, writesAfter, true);
        }
    }

    @FunctionalInterface
    private interface Work<R> {
        Done<R> perform() throws SQLException, IOException, GeneralSecurityException, InterruptedException;
    }

    private final RegionAccess regions;
    private final Duration heartbeatInterval;
    private final Path journal;
    /** Where the long ones, rejoin, backup and restore, show how far they are. */
    private final Progress progress;

    public Operations(RegionAccess regions, Duration heartbeatInterval, Path journal, Progress progress) {
        this.regions = regions;
        this.heartbeatInterval = heartbeatInterval;
        this.journal = journal;
        this.progress = progress;
    }

    /** @param operator who runs it, as the audit names them: a login, or the identity provider's user id */
    public Outcome<SwitchoverReport> switchover(String operator) throws IOException, InterruptedException {
        return run(Kind.SWITCHOVER, operator, null, () -> {
            SwitchoverReport done = OperationReports.switchover(new Switchover(regions).run());
            return new Done<>(done, OperationReports.json(done), done.to());
        });
    }

    public Outcome<FailoverReport> failover(String operator) throws IOException, InterruptedException {
        return run(Kind.FAILOVER, operator, null, () -> {
            FailoverReport done = OperationReports.failover(new Failover(regions, heartbeatInterval).run());
            return new Done<>(done, OperationReports.json(done), done.to());
        });
    }

    public Outcome<FenceReport> fence(String operator, String region) throws IOException, InterruptedException {
        return run(Kind.FENCE, operator, region, () -> {
            try (Connection dba = regions.dba(region)) {
                RegionFence.raise(dba, regions.application());
            }
            FenceReport done = new FenceReport(region);
            return new Done<>(done, OperationReports.json(done), regions.other(region));
        });
    }

    /**
     * Shows the commits a failover lost in {@code oldWriter}'s slot, and applies those that do not conflict only
     * if {@code apply}. The DBA sees every commit; the journal and the audit keep the conflicts and the counts.
     */
    public Outcome<Salvage.Report> salvage(String operator, String oldWriter, boolean apply)
            throws IOException, InterruptedException {
        return run(Kind.SALVAGE, operator, oldWriter, () -> {
            Salvage.Report done = new Salvage(regions).run(oldWriter, apply);
            return new Done<>(done, OperationReports.salvage(done, true), OperationReports.salvage(done, false),
                    done.to());
        });
    }

    /** @param discardLostCommits drop the slot holding the commits a failover lost, which otherwise refuses it */
    public Outcome<RejoinReport> rejoin(String operator, String region, boolean discardLostCommits)
            throws IOException, InterruptedException {
        return run(Kind.REJOIN, operator, region, () -> {
            new Rejoin(regions, progress).run(region, discardLostCommits);
            RejoinReport done = new RejoinReport(region, regions.other(region));
            return new Done<>(done, OperationReports.json(done), regions.other(region));
        });
    }

    public Outcome<Backup.Report> backup(String operator, BackupSettings backups)
            throws IOException, InterruptedException {
        return run(Kind.BACKUP, operator, null, () -> {
            Backup.Report done = new Backup(regions, backups, Clock.systemUTC(), progress).take();
            JsonObject json = OperationReports.backup(done);
            return new Done<>(done, json, json, done.region(), done.copyFailed() == null);
        });
    }

    /** @param withoutLiveLedger restore even though no region answers for the erasure ledger */
    public Outcome<Restore.Report> restore(String operator, BackupSettings backups, Path file, String into,
                                          boolean withoutLiveLedger) throws IOException, InterruptedException {
        return run(Kind.RESTORE, operator, null, () -> {
            Restore.Report done = new Restore(regions, backups.keyset(), backups.migrations(), progress)
                    .run(file, into, backups.restoreUser(), backups.restorePassword(), withoutLiveLedger);
            return new Done<>(done, OperationReports.restore(done), done.ledgerFrom());
        });
    }

    public Outcome<BaseBackup.Report> baseBackup(String operator, PointInTimeSettings pointInTime)
            throws IOException, InterruptedException {
        return run(Kind.BASE_BACKUP, operator, null, () -> {
            BaseBackup.Report done = new BaseBackup(regions, pointInTime, Clock.systemUTC(), progress).take();
            return new Done<>(done, OperationReports.baseBackup(done), done.region());
        });
    }

    /**
     * @param region            whose history to recover; null for the writer's
     * @param withoutLiveLedger restore even though no region answers for the erasure ledger
     */
    public Outcome<PointInTimeRestore.Report> restoreToMoment(String operator, PointInTimeSettings pointInTime,
                                                              String region, Instant moment, Path into, int port,
                                                              boolean withoutLiveLedger)
            throws IOException, InterruptedException {
        return run(Kind.POINT_IN_TIME_RESTORE, operator, null, () -> {
            PointInTimeRestore.Report done = new PointInTimeRestore(regions, pointInTime, progress)
                    .run(region, moment, into, port, withoutLiveLedger);
            return new Done<>(done, OperationReports.pointInTimeRestore(done), done.ledgerFrom());
        });
    }

    /**
     * Applies the release's pending migrations to the standby, then the writer, if every one of them only adds.
     *
     * @param migrations the folder of per-module migrations the release ships
     */
    public Outcome<Migrate.Report> migrate(String operator, Path migrations) throws IOException, InterruptedException {
        return run(Kind.MIGRATE, operator, null, () -> {
            Migrate.Report done = new Migrate(regions, migrations).run();
            return new Done<>(done, OperationReports.migrate(done), done.writer());
        });
    }

    /**
     * @param region the region the operation is about, if any: a failure is recorded on the other one
     * @throws IOException the journal cannot be written; the operation may have run
     */
    private <R> Outcome<R> run(Kind kind, String operator, String region, Work<R> work)
            throws IOException, InterruptedException {
        Done<R> done;
        try (OperationLock lock = OperationLock.take(regions.names(), regions::dba)) {
            done = work.perform();
        } catch (SQLException | GeneralSecurityException | IOException | RuntimeException e) {
            String reason = e.getMessage() + (e instanceof SQLException sql && sql.getSQLState() != null
                    ? " (SQLState " + sql.getSQLState() + ")" : "");
            String writesAfter = region == null ? null : regions.other(region);
            String unrecorded = record(new OperationLog.Entry(UUID.randomUUID(), kind.action(), operator,
                    region == null ? "-" : region, false, Instant.now(), reason), writesAfter);
            return new Outcome<>(kind, null, null, reason, writesAfter, unrecorded);
        }
        String unrecorded = record(new OperationLog.Entry(UUID.randomUUID(), kind.action(), operator,
                region == null ? done.writesAfter() : region, done.completed(), Instant.now(),
                done.recorded().toString()),
                done.writesAfter());
        return new Outcome<>(kind, done.report(), done.json(), null, done.writesAfter(), unrecorded);
    }

    /**
     * The journal first: it needs no database. Then the writer's {@code dr.operation}, for the audit trail, but
     * only where that region's own topology names it the writer: a row written on the standby would differ
     * from the writer's, as when a DBA asks to rejoin the writer itself.
     *
     * @return why the region has no record of it, or null when it has
     */
    private String record(OperationLog.Entry entry, String region) throws IOException {
        OperationLog.journal(journal, entry);
        if (region == null) {
            return null;
        }
        try (Connection dba = regions.dba(region)) {
            if (Topology.current(dba).filter(epoch -> epoch.writer().equals(region)).isEmpty()) {
                return "the operation is in the journal " + journal + " only: region " + region
                        + " is not the writer";
            }
            OperationLog.record(dba, entry);
            return null;
        } catch (SQLException e) {
            return "the operation is in the journal " + journal + " but not in region " + region + "'s audit yet "
                    + "(SQLState " + e.getSQLState() + ")";
        }
    }
}
