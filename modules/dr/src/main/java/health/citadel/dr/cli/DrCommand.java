package health.citadel.dr.cli;

import health.citadel.dr.api.RegionsCompared;
import health.citadel.dr.api.ReplicationStatus;
import health.citadel.dr.internal.backup.Backup;
import health.citadel.dr.internal.health.ReplicationProbe;
import health.citadel.dr.internal.operations.OperationReports;
import health.citadel.dr.internal.operations.Operations;
import health.citadel.dr.internal.operations.RegionComparison;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code bin/citadel dr ...}: replication health, a comparison of both regions, and the DR operations, run
 * straight against the databases so they work while the application is down. Each operation is journaled
 * locally and recorded in {@code dr.operation} on the region that writes afterwards, which the application
 * audits. Exits 0 on success (healthy, the same), 1 when the regions are unhealthy or differ or an operation
 * was refused or failed, 2 when it cannot run.
 */
public final class DrCommand {

    static final int UNHEALTHY = 1;
    static final int UNUSABLE = 2;
    static final String USAGE = """
            usage: bin/citadel dr status|verify [--json]
                   bin/citadel dr migrate [--json]
                   bin/citadel dr switchover [--json]
                   bin/citadel dr failover --accept-data-loss [--json]
                   bin/citadel dr fence <region> [--json]
                   bin/citadel dr salvage <old writer> [--apply] [--json]
                   bin/citadel dr rejoin <region> [--discard-lost-commits] [--json]
                   bin/citadel dr backup [--json]
                   bin/citadel dr base-backup [--json]
                   bin/citadel dr restore <backup file> --into <jdbc url> [--without-live-ledger] [--json]
                   bin/citadel dr restore --to <ISO-8601 instant> --into <new data folder> --port <port> \
                                          [--from <region>] [--without-live-ledger] [--json]""";

    private DrCommand() {
    }

    public static void main(String[] args) {
        // Flyway (a restore migrates its target) logs through java.util.logging; the DBA needs our lines only
        Logger.getLogger("").setLevel(Level.WARNING);
        System.exit(run(args, System.getenv(), System.out, System.err));
    }

    static int run(String[] args, Map<String, String> environment, PrintStream out, PrintStream err) {
        List<String> arguments = new ArrayList<>(List.of(args));
        boolean asJson = arguments.remove("--json");
        boolean acceptDataLoss = arguments.remove("--accept-data-loss");
        boolean discardLostCommits = arguments.remove("--discard-lost-commits");
        boolean apply = arguments.remove("--apply");
        boolean withoutLiveLedger = arguments.remove("--without-live-ledger");
        String into = option(arguments, "--into");
        String to = option(arguments, "--to");
        String port = option(arguments, "--port");
        String from = option(arguments, "--from");
        String command = arguments.isEmpty() ? "" : arguments.remove(0);
        if (command.equals("restore") && to != null) {
            return restoreToMoment(arguments, to, into, port, from, withoutLiveLedger, asJson, environment, out, err);
        }
        boolean takesArgument = List.of("fence", "salvage", "rejoin", "restore").contains(command);
        if (!List.of("status", "verify", "migrate", "switchover", "failover", "fence", "salvage", "rejoin", "backup",
                        "base-backup", "restore").contains(command)
                || port != null || from != null
                || arguments.size() != (takesArgument ? 1 : 0)
                || (acceptDataLoss && !command.equals("failover"))
                || (apply && !command.equals("salvage"))
                || (discardLostCommits && !command.equals("rejoin"))
                || ((into != null || withoutLiveLedger) && !command.equals("restore"))
                || (command.equals("restore") && into == null)) {
            err.println(USAGE);
            return UNUSABLE;
        }
        if (command.equals("failover") && !acceptDataLoss) {
            err.println("citadel: a failover promotes the standby without the writer, so commits the standby has not "
                    + "applied are lost (a salvage may recover them later). If the writer is lost, run "
                    + "bin/citadel dr failover --accept-data-loss; if it still runs, use bin/citadel dr switchover.");
            return UNUSABLE;
        }
        try {
            DrSettings settings = DrSettings.from(environment);
            ReplicationProbe.RegionConnector connector = settings.regions()::dba;
            ReplicationProbe probe = new ReplicationProbe(settings.regions().names(), connector,
                    settings.regions().application());
            return switch (command) {
                case "status" -> status(probe.probe(), asJson, out);
                case "verify" -> verify(probe.probe(), connector, asJson, out);
                default -> report(operation(new Operations(settings.regions(), settings.heartbeatInterval(),
                                settings.journal()), settings, command, arguments.isEmpty() ? null : arguments.get(0),
                        discardLostCommits, apply, into, withoutLiveLedger), settings, asJson, out, err);
            };
        } catch (SQLException e) {
            err.println("citadel: " + e.getMessage() + " (SQLState " + e.getSQLState() + ")");
            return UNUSABLE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return UNUSABLE;
        } catch (IOException | RuntimeException e) {
            err.println("citadel: " + e.getMessage());
            return UNUSABLE;
        }
    }

    /** {@code restore --to}: a new cluster as a region was at that moment, from its base backup and WAL archive. */
    private static int restoreToMoment(List<String> arguments, String to, String into, String port, String from,
                                       boolean withoutLiveLedger, boolean asJson, Map<String, String> environment,
                                       PrintStream out, PrintStream err) {
        if (!arguments.isEmpty() || into == null || port == null) {
            err.println(USAGE);
            return UNUSABLE;
        }
        Instant moment;
        int listenOn;
        try {
            moment = Instant.parse(to);
            listenOn = Integer.parseInt(port);
        } catch (DateTimeParseException | NumberFormatException e) {
            err.println("citadel: --to takes an instant such as 2026-12-06T07:30:00Z, and --port a port number");
            return UNUSABLE;
        }
        try {
            DrSettings settings = DrSettings.from(environment);
            return report(new Operations(settings.regions(), settings.heartbeatInterval(), settings.journal())
                    .restoreToMoment(settings.operator(), settings.pointInTime(), from, moment, Path.of(into),
                            listenOn, withoutLiveLedger), settings, asJson, out, err);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return UNUSABLE;
        } catch (IOException | RuntimeException e) {
            err.println("citadel: " + e.getMessage());
            return UNUSABLE;
        }
    }

    /** Removes {@code --name value} from the arguments; the value, or null when absent. */
    private static String option(List<String> arguments, String name) {
        int at = arguments.indexOf(name);
        if (at < 0 || at + 1 >= arguments.size()) {
            return null;
        }
        arguments.remove(at);
        return arguments.remove(at);
    }

    private static int status(ReplicationStatus status, boolean asJson, PrintStream out) {
        out.println(asJson ? StatusOutput.json(status) : StatusOutput.text(status));
        return status.problems().isEmpty() ? 0 : UNHEALTHY;
    }

    /** Compares every replicated table between the writer and the standby; exits 1 naming any that differ. */
    private static int verify(ReplicationStatus status, ReplicationProbe.RegionConnector connector, boolean asJson,
                              PrintStream out) throws SQLException, InterruptedException {
        RegionsCompared comparison = RegionComparison.compare(status, connector);
        List<RegionsCompared.Table> tables = comparison.tables();
        List<RegionsCompared.Table> different = tables.stream().filter(table -> !table.same()).toList();
        if (asJson) {
            out.println(OperationReports.json(comparison));
        } else {
            tables.forEach(table -> out.printf(Locale.ROOT, "%-8s %-40s %d rows in %s, %d in %s%n",
                    table.same() ? "same" : "DIFFERS", table.table(), table.writerRows(), status.writer().name(),
                    table.standbyRows(), status.standby().name()));
            out.println(different.isEmpty() ? "Both regions hold the same rows in all " + tables.size() + " tables."
                    : different.size() + " of " + tables.size() + " tables differ.");
        }
        return different.isEmpty() ? 0 : UNHEALTHY;
    }

    /** @param argument the region, or the backup file to restore */
    private static Operations.Outcome<?> operation(Operations operations, DrSettings settings, String command,
                                                   String argument, boolean discardLostCommits, boolean apply,
                                                   String into, boolean withoutLiveLedger)
            throws IOException, InterruptedException {
        String operator = settings.operator();
        return switch (command) {
            case "switchover" -> operations.switchover(operator);
            case "failover" -> operations.failover(operator);
            case "fence" -> operations.fence(operator, argument);
            case "salvage" -> operations.salvage(operator, argument, apply);
            case "rejoin" -> operations.rejoin(operator, argument, discardLostCommits);
            case "backup" -> operations.backup(operator, settings.backups());
            case "migrate" -> operations.migrate(operator, Path.of(settings.backups().migrations()));
            case "base-backup" -> operations.baseBackup(operator, settings.pointInTime());
            default -> operations.restore(operator, settings.backups(), Path.of(argument), into, withoutLiveLedger);
        };
    }

    private static int report(Operations.Outcome<?> outcome, DrSettings settings, boolean asJson, PrintStream out,
                              PrintStream err) throws IOException {
        String command = outcome.kind().command();
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
        out.println(asJson ? outcome.json().toString() : Reports.text(command, outcome.json()));
        // the backup is there, but one region's storage alone holds it: whoever runs it, a person or a job, must see
        if (outcome.report() instanceof Backup.Report backup && backup.copyFailed() != null) {
            err.println("citadel: backup copy failed: " + backup.copyFailed());
            return UNHEALTHY;
        }
        return 0;
    }
}
