package health.citadel.dr.internal.operations;

import health.citadel.dr.api.FailoverReport;
import health.citadel.dr.api.FenceReport;
import health.citadel.dr.api.RegionsCompared;
import health.citadel.dr.api.RejoinReport;
import health.citadel.dr.api.SwitchoverReport;
import health.citadel.dr.internal.backup.Backup;
import health.citadel.dr.internal.backup.BaseBackup;
import health.citadel.dr.internal.backup.PointInTimeRestore;
import health.citadel.dr.internal.backup.Restore;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Duration;

/**
 * What a DR operation or a comparison of the regions found: the console's reports from what the operations
 * return, and each report as JSON, the same document for the journal, the audit, {@code bin/citadel dr ... --json}
 * and the DBA console's API, which JSON-B writes from the reports with the same names, order and numbers.
 * Regions, epochs, times, table names and row keys only, never a row's values.
 */
public final class OperationReports {

    private OperationReports() {
    }

    static SwitchoverReport switchover(Switchover.Report report) {
        return new SwitchoverReport(report.from(), report.to(), report.epoch(), millis(report.writeUnavailable()),
                report.sequencesMoved(), report.steps().stream()
                        .map(step -> new SwitchoverReport.Step(step.name(), millis(step.took()))).toList());
    }

    static FailoverReport failover(Failover.Report report) {
        return new FailoverReport(report.from(), report.to(), report.epoch(), millis(report.estimatedRpo()),
                millis(report.lastKnownLag()), millis(report.took()), report.lastAppliedCommit(), report.appliedLsn());
    }

    static JsonObject json(SwitchoverReport report) {
        JsonArrayBuilder steps = Json.createArrayBuilder();
        report.steps().forEach(step -> steps.add(Json.createObjectBuilder().add("step", step.step())
                .add("millis", step.millis())));
        return Json.createObjectBuilder().add("from", report.from()).add("to", report.to())
                .add("epoch", report.epoch()).add("writeUnavailableMillis", report.writeUnavailableMillis())
                .add("sequencesMoved", report.sequencesMoved()).add("steps", steps).build();
    }

    static JsonObject json(FailoverReport report) {
        JsonObjectBuilder json = Json.createObjectBuilder().add("from", report.from()).add("to", report.to())
                .add("epoch", report.epoch())
                .add("estimatedRpoMillis", report.estimatedRpoMillis())
                .add("lastKnownLagMillis", report.lastKnownLagMillis())
                .add("tookMillis", report.tookMillis());
        nullable(json, "lastAppliedCommit", report.lastAppliedCommit());
        nullable(json, "appliedLsn", report.appliedLsn());
        return json.build();
    }

    static JsonObject json(FenceReport report) {
        return Json.createObjectBuilder().add("fenced", report.fenced()).build();
    }

    static JsonObject json(RejoinReport report) {
        return Json.createObjectBuilder().add("rejoined", report.rejoined()).add("subscribesTo", report.subscribesTo())
                .build();
    }

    /**
     * Each lost commit with its verdict and the keys of the rows it changed: identifiers, never values. The
     * record kept for the audit names only the conflicts, which a person must settle; the counts say the rest.
     */
    static JsonObject salvage(Salvage.Report report, boolean everyCommit) {
        JsonArrayBuilder commits = Json.createArrayBuilder();
        for (Salvage.Outcome outcome : report.outcomes()) {
            if (!everyCommit && outcome.verdict() != Salvage.Verdict.CONFLICT) {
                continue;
            }
            JsonArrayBuilder changes = Json.createArrayBuilder();
            for (int i = 0; i < outcome.keys().size(); i++) {
                LostCommit.Change change = outcome.commit().changes().get(i);
                changes.add(Json.createObjectBuilder().add("table", change.tableName())
                        .add("kind", change.kind().name()).add("key", outcome.keys().get(i)));
            }
            JsonObjectBuilder commit = Json.createObjectBuilder().add("xid", outcome.commit().xid())
                    .add("committedAt", outcome.commit().committedAt().toString())
                    .add("commitLsn", outcome.commit().commitLsn()).add("verdict", outcome.verdict().name())
                    .add("changes", changes);
            nullable(commit, "reason", outcome.reason());
            commits.add(commit);
        }
        JsonObjectBuilder json = Json.createObjectBuilder().add("from", report.from()).add("to", report.to())
                .add("applied", report.applied())
                .add("applies", report.count(Salvage.Verdict.APPLIES))
                .add("alreadyPresent", report.count(Salvage.Verdict.ALREADY_PRESENT))
                .add("conflicts", report.count(Salvage.Verdict.CONFLICT))
                .add("slotDropped", report.slotDropped()).add("commits", commits);
        nullable(json, "appliedLsn", report.appliedLsn());
        return json.build();
    }

    static JsonObject backup(Backup.Report report) {
        JsonObjectBuilder json = Json.createObjectBuilder().add("file", report.file().toString())
                .add("region", report.region()).add("epoch", report.epoch()).add("tables", report.tables())
                .add("rows", report.rows()).add("bytes", report.bytes()).add("tookMillis", millis(report.took()));
        nullable(json, "copy", report.copy());
        nullable(json, "copyFailed", report.copyFailed());
        JsonArrayBuilder removed = Json.createArrayBuilder();
        report.removed().forEach(file -> removed.add(file.toString()));
        return json.add("retention", Json.createObjectBuilder().add("daily", report.retention().daily())
                .add("weekly", report.retention().weekly())).add("removed", removed).build();
    }

    static JsonObject restore(Restore.Report report) {
        JsonObjectBuilder json = Json.createObjectBuilder().add("target", report.target())
                .add("takenAt", report.takenAt().toString()).add("takenFrom", report.takenFrom())
                .add("tables", report.tables()).add("rows", report.rows())
                .add("ledgerEntries", report.ledgerEntries())
                .add("erasuresReplayed", report.erasuresReplayed()).add("tookMillis", millis(report.took()));
        nullable(json, "ledgerFrom", report.ledgerFrom());
        return json.build();
    }

    static JsonObject baseBackup(BaseBackup.Report report) {
        return Json.createObjectBuilder().add("folder", report.folder().toString()).add("region", report.region())
                .add("startedAt", report.startedAt().toString()).add("stoppedAt", report.stoppedAt().toString())
                .add("stopWal", report.stopWal()).add("files", report.files()).add("bytes", report.bytes())
                .add("removed", report.removed()).add("tookMillis", millis(report.took())).build();
    }

    static JsonObject pointInTimeRestore(PointInTimeRestore.Report report) {
        JsonObjectBuilder json = Json.createObjectBuilder().add("region", report.region())
                .add("baseBackup", report.baseBackup()).add("recoveredTo", report.recoveredTo().toString())
                .add("into", report.into().toString()).add("port", report.port()).add("url", report.url())
                .add("ledgerEntries", report.ledgerEntries()).add("erasuresReplayed", report.erasuresReplayed())
                .add("tookMillis", millis(report.took()));
        nullable(json, "ledgerFrom", report.ledgerFrom());
        return json.build();
    }

    static JsonObject migrate(Migrate.Report report) {
        JsonArrayBuilder migrations = Json.createArrayBuilder();
        report.migrations().forEach(migration -> migrations.add(Json.createObjectBuilder()
                .add("schema", migration.schema()).add("version", migration.version())
                .add("description", migration.description()).add("script", migration.script())
                .add("regions", Json.createArrayBuilder(migration.regions()))));
        return Json.createObjectBuilder().add("writer", report.writer()).add("standby", report.standby())
                .add("migrations", migrations).build();
    }

    public static JsonObject json(RegionsCompared comparison) {
        JsonArrayBuilder rows = Json.createArrayBuilder();
        comparison.tables().forEach(table -> rows.add(Json.createObjectBuilder().add("table", table.table())
                .add("writerRows", table.writerRows()).add("standbyRows", table.standbyRows())
                .add("same", table.same())));
        return Json.createObjectBuilder().add("same", comparison.same()).add("tables", rows).build();
    }

    /** Adds a number as a number, anything else as its text, and null as JSON null. */
    public static void nullable(JsonObjectBuilder json, String name, Object value) {
        if (value == null) {
            json.addNull(name);
        } else if (value instanceof Long number) {
            json.add(name, number);
        } else if (value instanceof Double number) {
            json.add(name, number);
        } else {
            json.add(name, value.toString());
        }
    }

    private static double millis(Duration duration) {
        return duration.toNanos() / 1e6;
    }
}
