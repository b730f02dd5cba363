package health.citadel.dr.cli;

import health.citadel.dr.api.ReplicationStatus;
import health.citadel.dr.internal.Backup;
import health.citadel.dr.internal.Failover;
import health.citadel.dr.internal.OperationLog;
import health.citadel.dr.internal.RegionComparison;
import health.citadel.dr.internal.RegionFence;
import health.citadel.dr.internal.Rejoin;
import health.citadel.dr.internal.Restore;
import health.citadel.dr.internal.ReplicationProbe;
import health.citadel.dr.internal.Salvage;
import health.citadel.dr.internal.Switchover;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

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
                   bin/citadel dr switchover [--json]
                   bin/citadel dr failover --accept-data-loss [--json]
                   bin/citadel dr fence <region> [--json]
                   bin/citadel dr salvage <old writer> [--apply] [--json]
                   bin/citadel dr rejoin <region> [--discard-lost-commits] [--json]
                   bin/citadel dr backup [--json]
                   bin/citadel dr restore <backup file> --into <jdbc url> [--without-live-ledger] [--json]""";

    private DrCommand() {
    }

    public static void main(String[] args) {
        // Flyway (a restore migrates its target) logs through java.util.logging; the DBA needs our lines only
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
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
        String command = arguments.isEmpty() ? "" : arguments.remove(0);
        boolean takesArgument = List.of("fence", "salvage", "rejoin", "restore").contains(command);
        if (!List.of("status", "verify", "switchover", "failover", "fence", "salvage", "rejoin", "backup", "restore")
                .contains(command)
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
            return switch (command) {
                case "status" -> status(new ReplicationProbe(settings.regions().names(), connector).probe(), asJson, out);
                case "verify" -> verify(new ReplicationProbe(settings.regions().names(), connector).probe(), connector,
                        asJson, out);
                default -> new Operation(settings, asJson, out, err).run(command,
                        arguments.isEmpty() ? null : arguments.get(0), discardLostCommits || apply || withoutLiveLedger,
                        into);
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
        List<RegionComparison.Table> tables;
        try (Connection writer = connector.open(status.writer().name());
             Connection standby = connector.open(status.standby().name())) {
            tables = RegionComparison.compare(writer, standby);
        }
        List<RegionComparison.Table> different = tables.stream().filter(table -> !table.same()).toList();
        if (asJson) {
            JsonArrayBuilder rows = Json.createArrayBuilder();
            tables.forEach(table -> rows.add(Json.createObjectBuilder().add("table", table.name())
                    .add("writerRows", table.writerRows()).add("standbyRows", table.standbyRows())
                    .add("same", table.same())));
            out.println(Json.createObjectBuilder().add("same", different.isEmpty()).add("tables", rows).build());
        } else {
            tables.forEach(table -> out.printf(Locale.ROOT, "%-8s %-40s %d rows in %s, %d in %s%n",
                    table.same() ? "same" : "DIFFERS", table.name(), table.writerRows(), status.writer().name(),
                    table.standbyRows(), status.standby().name()));
            out.println(different.isEmpty() ? "Both regions hold the same rows in all " + tables.size() + " tables."
                    : different.size() + " of " + tables.size() + " tables differ.");
        }
        return different.isEmpty() ? 0 : UNHEALTHY;
    }

    /** One DR operation: run, report, journal, record for the audit. */
    private record Operation(DrSettings settings, boolean asJson, PrintStream out, PrintStream err) {

        /**
         * @param argument  the region, or the backup file to restore
         * @param confirmed the command's confirmation: {@code --discard-lost-commits}, a salvage's {@code --apply},
         *                  a restore's {@code --without-live-ledger}
         */
        int run(String command, String argument, boolean confirmed, String into) throws IOException, InterruptedException {
            String region = command.equals("restore") ? null : argument;
            String action = "DR_" + command.toUpperCase(Locale.ROOT);
            // where the record goes: the region that writes once the operation is over
            String writesAfter = region == null ? null : settings.regions().other(region);
            JsonObject report;
            // what the journal and the audit keep, where the DBA sees more
            JsonObject recorded = null;
            try {
                switch (command) {
                    case "switchover" -> {
                        Switchover.Report done = new Switchover(settings.regions()).run();
                        writesAfter = done.to();
                        report = Reports.switchover(done);
                    }
                    case "failover" -> {
                        Failover.Report done = new Failover(settings.regions(), settings.heartbeatInterval()).run();
                        writesAfter = done.to();
                        report = Reports.failover(done);
                    }
                    case "fence" -> {
                        try (Connection dba = settings.regions().dba(region)) {
                            RegionFence.raise(dba, settings.regions().application());
                        }
                        report = Json.createObjectBuilder().add("fenced", region).build();
                    }
                    case "backup" -> {
                        Backup.Report done = new Backup(settings.regions(), settings.backups().keyset(),
                                settings.backups().directory()).take();
                        writesAfter = done.region();
                        report = Reports.backup(done);
                    }
                    case "restore" -> {
                        DrSettings.Backups backups = settings.backups();
                        Restore.Report done = new Restore(settings.regions(), backups.keyset(), backups.migrations())
                                .run(Path.of(argument), into, backups.restoreUser(), backups.restorePassword(), confirmed);
                        writesAfter = done.ledgerFrom();
                        report = Reports.restore(done);
                    }
                    case "salvage" -> {
                        Salvage.Report done = new Salvage(settings.regions()).run(region, confirmed);
                        report = Reports.salvage(done, true);
                        recorded = Reports.salvage(done, false);
                    }
                    default -> {
                        new Rejoin(settings.regions()).run(region, confirmed);
                        report = Json.createObjectBuilder().add("rejoined", region).add("subscribesTo", writesAfter)
                                .build();
                    }
                }
            } catch (SQLException | GeneralSecurityException | IOException | RuntimeException e) {
                String reason = e.getMessage() + (e instanceof SQLException sql && sql.getSQLState() != null
                        ? " (SQLState " + sql.getSQLState() + ")" : "");
                record(new OperationLog.Entry(UUID.randomUUID(), action, settings.operator(),
                        region == null ? "-" : region, false, Instant.now(), reason), writesAfter);
                err.println("citadel: " + command + " failed: " + reason);
                return UNHEALTHY;
            }
            if (command.equals("switchover") || command.equals("failover")) {
                settings.recordWriter(writesAfter);
            }
            record(new OperationLog.Entry(UUID.randomUUID(), action, settings.operator(),
                    region == null ? writesAfter : region, true, Instant.now(),
                    (recorded == null ? report : recorded).toString()), writesAfter);
            out.println(asJson ? report.toString() : Reports.text(command, report));
            return 0;
        }

        /** The journal first: it needs no database. Then the writer's dr.operation, for the audit trail. */
        private void record(OperationLog.Entry entry, String region) throws IOException {
            OperationLog.journal(settings.journal(), entry);
            if (region == null) {
                return;
            }
            try (Connection dba = settings.regions().dba(region)) {
                OperationLog.record(dba, entry);
            } catch (SQLException e) {
                err.println("citadel: the operation is in the journal " + settings.journal() + " but not in region "
                        + region + "'s audit yet (SQLState " + e.getSQLState() + ")");
            }
        }
    }
}
