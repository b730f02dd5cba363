package health.citadel.dr.cli;

import health.citadel.dr.internal.backup.Backup;
import health.citadel.dr.internal.operations.Operations;
import health.citadel.platform.commandline.CommandLines;
import health.citadel.platform.progress.Progress;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * {@code bin/citadel dr ...}: replication health, a comparison of both regions, and the DR operations, run
 * straight against the databases so they work while the application is down. Each operation is journaled
 * locally and recorded in {@code dr.operation} on the region that writes afterwards, which the application
 * audits. Exits 0 on success (healthy, the same), 1 when the regions are unhealthy or differ or an operation
 * was refused or failed, 2 when it cannot run. The operations are this class's methods; status and verify, which
 * only read, are classes of their own.
 */
@Command(name = "bin/citadel dr", subcommands = {StatusCommand.class, VerifyCommand.class}, scope = ScopeType.INHERIT,
        description = "Replication health, the regions compared, and the DR operations, straight against the "
                + "databases: they work while the application is down.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done; healthy; both regions the same",
                "1:unhealthy; the regions differ; the operation was refused or failed",
                "2:it cannot run, or the command line is wrong"},
        footerHeading = "%nEnvironment:%n",
        footer = {"  CITADEL_HOME",
                "      the local stack's folder (default .citadel): its stack.json names the",
                "      regions, their logins and the backups' key and folders",
                "  CITADEL_DR_REGIONS, CITADEL_DR_REGION_<NAME>_URL",
                "      outside the local stack, instead: the regions (e.g. a,b) and their URLs",
                "  CITADEL_DR_USER, CITADEL_DR_PASSWORD",
                "      with them: the DBA login",
                "  CITADEL_DR_REPLICATOR_USER, CITADEL_DR_REPLICATOR_PASSWORD",
                "      with them: the login a new subscription connects as",
                "  CITADEL_DR_APP_LOGIN, CITADEL_DR_OWNER_LOGIN, CITADEL_DR_CONSOLE_LOGIN",
                "      with them: the application's, the schema owner's and the DBA console's",
                "      roles (citadel_app, citadel_owner, citadel_dr)",
                "  CITADEL_DR_JOURNAL",
                "      the operations' journal (default $CITADEL_HOME/dr-journal.jsonl)",
                "  CITADEL_DR_OPERATOR",
                "      who runs it, as the journal and the audit name them (default: OS login)",
                "  CITADEL_DR_HEARTBEAT_INTERVAL",
                "      the writer's heartbeat (PT1S), for the failover's RPO estimate",
                "  CITADEL_DR_BACKUP_KEYSET, CITADEL_DR_BACKUPS",
                "      outside the local stack: the backup key and the backups' folder",
                "  CITADEL_DR_BACKUP_COPY",
                "      the folder on the other region's storage each backup is copied to (the",
                "      local stack's region-b/backups; elsewhere unset: no copy)",
                "  CITADEL_DR_BACKUP_KEEP_DAILY, CITADEL_DR_BACKUP_KEEP_WEEKLY",
                "      what backup keeps: the newest of each of the last 7 days and 4 ISO weeks",
                "  CITADEL_DR_BASE_BACKUP_KEEP",
                "      the base backups base-backup keeps (2)",
                "  CITADEL_DR_REGION_<NAME>_WAL_ARCHIVE, CITADEL_DR_REGION_<NAME>_BASE_BACKUPS",
                "      outside the local stack: each region's WAL archive and base backups",
                "  CITADEL_DR_POSTGRES_BIN",
                "      outside the local stack: PostgreSQL's programs, for restore --to",
                "  CITADEL_DR_RESTORE_USER, CITADEL_DR_RESTORE_PASSWORD",
                "      a superuser of the cluster a restore goes into (default: the DBA login)",
                "  CITADEL_MIGRATIONS",
                "      the migrations migrate and restore apply (default: this checkout's)"})
public final class DrCommand {

    static final int UNHEALTHY = 1;
    static final int UNUSABLE = 2;

    @Option(names = {"-h", "--help"}, usageHelp = true, scope = ScopeType.INHERIT, description = "Show this help and exit.")
    private boolean help;

    @Spec
    private CommandSpec spec;

    private final Map<String, String> environment;

    private DrCommand(Map<String, String> environment) {
        this.environment = environment;
    }

    public static void main(String[] args) {
        // Flyway (a restore migrates its target) logs through java.util.logging; the DBA needs our lines only
        Logger.getLogger("").setLevel(Level.WARNING);
        System.exit(run(args, System.getenv(), System.out, System.err));
    }

    static int run(String[] args, Map<String, String> environment, PrintStream out, PrintStream err) {
        return CommandLines.of(new DrCommand(environment), out, err, UNUSABLE, (failure, errors) -> {
            if (failure instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            } else {
                errors.println("citadel: " + failure.getMessage() + (failure instanceof SQLException sql
                        ? " (SQLState " + sql.getSQLState() + ")" : ""));
            }
            return UNUSABLE;
        }).execute(args);
    }

    DrSettings settings() throws IOException {
        return DrSettings.from(environment);
    }

    /** Prints the report on standard output, which holds nothing else. */
    void print(String report) {
        spec.commandLine().getOut().println(report);
        spec.commandLine().getOut().flush();
    }

    @Command(name = "migrate", description = "Applies this release's migrations to the standby, then to the writer, "
            + "refused unless every one of them only adds.")
    int migrate(@Mixin JsonOption format) throws IOException, InterruptedException {
        return operate(format, Progress.NONE, (operations, settings) -> operations.migrate(settings.operator(),
                Path.of(settings.backups().migrations())));
    }

    @Command(name = "switchover", description = "Moves the writer to the standby, losing nothing: fences the writer, "
            + "waits until the standby has applied everything, and reverses the replication.")
    int switchover(@Mixin JsonOption format) throws IOException, InterruptedException {
        return operate(format, Progress.NONE, (operations, settings) -> operations.switchover(settings.operator()));
    }

    @Command(name = "failover", description = "Promotes the standby without the writer, which is lost: commits the "
            + "standby had not applied are lost (a salvage may recover them), as the RPO estimate says.")
    int failover(@Option(names = "--accept-data-loss", description = "Required: you accept that loss.")
                 boolean acceptDataLoss, @Mixin JsonOption format) throws IOException, InterruptedException {
        if (!acceptDataLoss) {
            spec.commandLine().getErr().println("citadel: a failover promotes the standby without the writer, so "
                    + "commits the standby has not applied are lost (a salvage may recover them later). If the writer "
                    + "is lost, run bin/citadel dr failover --accept-data-loss; if it still runs, use bin/citadel dr "
                    + "switchover.");
            return UNUSABLE;
        }
        return operate(format, Progress.NONE, (operations, settings) -> operations.failover(settings.operator()));
    }

    @Command(name = "fence", description = "Makes the application's logins read-only in a region, takes their rights "
            + "on the module schemas and ends their sessions.")
    int fence(@Parameters(paramLabel = "<region>", description = "The region to fence.") String region,
              @Mixin JsonOption format) throws IOException, InterruptedException {
        return operate(format, Progress.NONE, (operations, settings) -> operations.fence(settings.operator(), region));
    }

    @Command(name = "salvage", description = "Lists the commits a failover lost, from the old writer's slot, and what "
            + "each would do on the new writer; changes nothing unless --apply.")
    int salvage(@Parameters(paramLabel = "<old writer>", description = "The region that wrote before the failover.")
                String oldWriter, @Option(names = "--apply", description = "Apply the commits that apply, in one "
            + "transaction.") boolean apply, @Mixin JsonOption format) throws IOException, InterruptedException {
        return operate(format, Progress.NONE, (operations, settings) -> operations.salvage(settings.operator(),
                oldWriter, apply));
    }

    @Command(name = "rejoin", description = "Makes a former writer the standby again: fences it, empties its module "
            + "tables and copies them afresh from the writer.")
    int rejoin(@Parameters(paramLabel = "<region>", description = "The region to rejoin.") String region,
               @Option(names = "--discard-lost-commits", description = "Drop the slot that still holds commits a "
                       + "failover lost.") boolean discardLostCommits,
               @Mixin JsonOption format, @Mixin QuietOption quiet) throws IOException, InterruptedException {
        return operate(format, quiet.progress(), (operations, settings) -> operations.rejoin(settings.operator(),
                region, discardLostCommits));
    }

    @Command(name = "backup", description = "Writes an encrypted, checksummed backup of the writer's module schemas, "
            + "copies it to the other region's folder and prunes both folders.")
    int backup(@Mixin JsonOption format, @Mixin QuietOption quiet) throws IOException, InterruptedException {
        return operate(format, quiet.progress(), (operations, settings) -> operations.backup(settings.operator(),
                settings.backups()));
    }

    @Command(name = "base-backup", description = "Copies the writer's data folder through PostgreSQL's backup API, "
            + "on the database host: with the WAL archived since, any later moment can be restored (restore --to).")
    int baseBackup(@Mixin JsonOption format, @Mixin QuietOption quiet) throws IOException, InterruptedException {
        return operate(format, quiet.progress(), (operations, settings) -> operations.baseBackup(settings.operator(),
                settings.pointInTime()));
    }

    @Command(name = "restore", description = {"Restores a backup into an empty cluster, checks every table against it "
            + "and replays the live writer's erasure ledger; all or nothing.",
            "With --to instead of a file: recovers a new cluster to that moment from the newest base backup before "
            + "it and the region's WAL archive, fences it, replays the ledger and leaves it running on --port."})
    int restore(@Parameters(paramLabel = "<backup file>", arity = "0..1", description = "The backup to restore.")
                Path file,
                @Option(names = "--into", paramLabel = "<jdbc url|new folder>", required = true,
                        description = "The empty cluster's database; with --to, a new data folder.") String into,
                @Option(names = "--to", paramLabel = "<instant>", description = "The moment to recover to, e.g. "
                        + "2026-12-06T07:30:00Z.") String to,
                @Option(names = "--port", paramLabel = "<port>", description = "With --to: the port the recovered "
                        + "cluster listens on.") Integer port,
                @Option(names = "--from", paramLabel = "<region>", description = "With --to: whose history to "
                        + "recover (default: the writer's).") String from,
                @Option(names = "--without-live-ledger", description = "Restore although no region answers for the "
                        + "erasure ledger; replay it as soon as one does.") boolean withoutLiveLedger,
                @Mixin JsonOption format, @Mixin QuietOption quiet) throws IOException, InterruptedException {
        if (to == null) {
            if (file == null || port != null || from != null) {
                throw new ParameterException(spec.commandLine(), "restore takes a backup file, or --to with --port "
                        + "(and --from) instead");
            }
            return operate(format, quiet.progress(), (operations, settings) -> operations.restore(settings.operator(),
                    settings.backups(), file, into, withoutLiveLedger));
        }
        if (file != null || port == null) {
            throw new ParameterException(spec.commandLine(), "restore --to recovers from base backups and the WAL "
                    + "archive: give --port and no backup file");
        }
        Instant moment;
        try {
            moment = Instant.parse(to);
        } catch (DateTimeParseException e) {
            throw new ParameterException(spec.commandLine(), "--to takes an instant such as 2026-12-06T07:30:00Z, not '"
                    + to + "'");
        }
        return operate(format, quiet.progress(), (operations, settings) -> operations.restoreToMoment(
                settings.operator(), settings.pointInTime(), from, moment, Path.of(into), port, withoutLiveLedger));
    }

    /** One of {@link Operations}' runs. */
    @FunctionalInterface
    private interface Operation {
        Operations.Outcome<?> on(Operations operations, DrSettings settings) throws IOException, InterruptedException;
    }

    private int operate(JsonOption format, Progress progress, Operation operation)
            throws IOException, InterruptedException {
        DrSettings settings = settings();
        Operations.Outcome<?> outcome;
        try (progress) {
            outcome = operation.on(new Operations(settings.regions(), settings.heartbeatInterval(), settings.journal(),
                    progress), settings);
        }
        return report(outcome, settings, format.json);
    }

    private int report(Operations.Outcome<?> outcome, DrSettings settings, boolean asJson) throws IOException {
        String command = outcome.kind().command();
        PrintWriter err = spec.commandLine().getErr();
        if (outcome.unrecorded() != null) {
            err.println("citadel: " + outcome.unrecorded());
        }
        if (!outcome.succeeded()) {
            err.println("citadel: " + command + " failed: " + outcome.reason());
            return UNHEALTHY;
        }
        if (outcome.kind().movesWriter()) {
            settings.recordWriter(outcome.writesAfter());
        }
        print(asJson ? outcome.json().toString() : Reports.text(command, outcome.json()));
        // the backup is there, but one region's storage alone holds it: whoever runs it, a person or a job, must see
        if (outcome.report() instanceof Backup.Report backup && backup.copyFailed() != null) {
            err.println("citadel: backup copy failed: " + backup.copyFailed());
            return UNHEALTHY;
        }
        return 0;
    }
}
