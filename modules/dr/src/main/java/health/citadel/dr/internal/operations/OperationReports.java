package health.citadel.dr.internal.operations;

import health.citadel.dr.internal.backup.Backup;
import health.citadel.dr.internal.backup.Restore;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Duration;
import java.util.List;

/**
 * What a DR operation or a comparison of the regions found, as JSON: the same document for the journal, the
 * audit, {@code bin/citadel dr ... --json} and the DBA console. Regions, epochs, times, table names and row keys
 * only, never a row's values.
 */
public final class OperationReports {

    private OperationReports() {
    }

    static JsonObject switchover(Switchover.Report report) {
        JsonArrayBuilder steps = Json.createArrayBuilder();
        report.steps().forEach(step -> steps.add(Json.createObjectBuilder().add("step", step.name())
                .add("millis", millis(step.took()))));
        return Json.createObjectBuilder().add("from", report.from()).add("to", report.to())
                .add("epoch", report.epoch()).add("writeUnavailableMillis", millis(report.writeUnavailable()))
                .add("sequencesMoved", report.sequencesMoved()).add("steps", steps).build();
    }

    static JsonObject failover(Failover.Report report) {
        JsonObjectBuilder json = Json.createObjectBuilder().add("from", report.from()).add("to", report.to())
                .add("epoch", report.epoch())
                .add("estimatedRpoMillis", millis(report.estimatedRpo()))
                .add("lastKnownLagMillis", millis(report.lastKnownLag()))
                .add("tookMillis", millis(report.took()));
        nullable(json, "lastAppliedCommit", report.lastAppliedCommit());
        nullable(json, "appliedLsn", report.appliedLsn());
        return json.build();
    }

    static JsonObject fence(String region) {
        return Json.createObjectBuilder().add("fenced", region).build();
    }

    static JsonObject rejoin(String region, String writer) {
        return Json.createObjectBuilder().add("rejoined", region).add("subscribesTo", writer).build();
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
        return Json.createObjectBuilder().add("file", report.file().toString()).add("region", report.region())
                .add("epoch", report.epoch()).add("tables", report.tables()).add("rows", report.rows())
                .add("bytes", report.bytes()).add("tookMillis", millis(report.took())).build();
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

    /** {@code same} when every table agrees; each table with its row count in both regions. */
    public static JsonObject comparison(List<RegionComparison.Table> tables) {
        JsonArrayBuilder rows = Json.createArrayBuilder();
        tables.forEach(table -> rows.add(Json.createObjectBuilder().add("table", table.name())
                .add("writerRows", table.writerRows()).add("standbyRows", table.standbyRows())
                .add("same", table.same())));
        return Json.createObjectBuilder().add("same", tables.stream().allMatch(RegionComparison.Table::same))
                .add("tables", rows).build();
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
