package health.citadel.dr.cli;

import health.citadel.dr.internal.Backup;
import health.citadel.dr.internal.Failover;
import health.citadel.dr.internal.Restore;
import health.citadel.dr.internal.LostCommit;
import health.citadel.dr.internal.Salvage;
import health.citadel.dr.internal.Switchover;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.Locale;

/** What a DR operation did, as JSON (for the journal, the audit and scripts) and as text for the DBA. */
final class Reports {

    private Reports() {
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
        StatusOutput.nullable(json, "lastAppliedCommit",
                report.lastAppliedCommit() == null ? null : report.lastAppliedCommit().toString());
        StatusOutput.nullable(json, "appliedLsn", report.appliedLsn());
        return json.build();
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
            StatusOutput.nullable(commit, "reason", outcome.reason());
            commits.add(commit);
        }
        JsonObjectBuilder json = Json.createObjectBuilder().add("from", report.from()).add("to", report.to())
                .add("applied", report.applied())
                .add("applies", report.count(Salvage.Verdict.APPLIES))
                .add("alreadyPresent", report.count(Salvage.Verdict.ALREADY_PRESENT))
                .add("conflicts", report.count(Salvage.Verdict.CONFLICT))
                .add("slotDropped", report.slotDropped()).add("commits", commits);
        StatusOutput.nullable(json, "appliedLsn", report.appliedLsn());
        return json.build();
    }

    static JsonObject backup(Backup.Report report) {
        return Json.createObjectBuilder().add("file", report.file().toString()).add("region", report.region())
                .add("epoch", report.epoch()).add("tables", report.tables()).add("rows", report.rows())
                .add("bytes", report.bytes()).add("tookMillis", millis(report.took())).build();
    }

    static JsonObject restore(Restore.Report report) {
        JsonObjectBuilder json = Json.createObjectBuilder().add("target", report.target()).add("takenAt", report.takenAt().toString())
                .add("takenFrom", report.takenFrom()).add("tables", report.tables()).add("rows", report.rows())
                .add("ledgerEntries", report.ledgerEntries())
                .add("erasuresReplayed", report.erasuresReplayed()).add("tookMillis", millis(report.took()));
        StatusOutput.nullable(json, "ledgerFrom", report.ledgerFrom());
        return json.build();
    }

    static String text(String command, JsonObject report) {
        StringBuilder text = new StringBuilder(switch (command) {
            case "switchover" -> String.format(Locale.ROOT, "Switched over from region %s to region %s (epoch %d); "
                    + "writes were refused for %.3f s.%n", report.getString("from"), report.getString("to"),
                    report.getJsonNumber("epoch").longValue(), report.getJsonNumber("writeUnavailableMillis").doubleValue() / 1000);
            case "failover" -> String.format(Locale.ROOT, "Region %s now writes (epoch %d). Commits region %s "
                    + "acknowledged after %s may be lost: estimated RPO %.3f s (last known lag %.3f s plus one "
                    + "heartbeat). Keep region %s stopped or fenced; salvage, then rejoin it.%n", report.getString("to"),
                    report.getJsonNumber("epoch").longValue(), report.getString("from"),
                    report.isNull("lastAppliedCommit") ? "an unknown time" : report.getString("lastAppliedCommit"),
                    report.getJsonNumber("estimatedRpoMillis").doubleValue() / 1000,
                    report.getJsonNumber("lastKnownLagMillis").doubleValue() / 1000, report.getString("from"));
            case "salvage" -> salvageText(report);
            case "backup" -> String.format(Locale.ROOT, "Backed up %d rows in %d tables of region %s (epoch %d) to %s "
                    + "(%d bytes, encrypted). Keep the backup key apart from it.%n", report.getJsonNumber("rows").longValue(),
                    report.getInt("tables"), report.getString("region"), report.getJsonNumber("epoch").longValue(),
                    report.getString("file"), report.getJsonNumber("bytes").longValue());
            case "restore" -> String.format(Locale.ROOT, "Restored %d rows in %d tables, taken from region %s at %s, into "
                    + "%s; every table's checksum is the backup's. The erasure ledger's %d entries were replayed: %d "
                    + "patients erased since the backup are erased again.%n", report.getJsonNumber("rows").longValue(),
                    report.getInt("tables"), report.getString("takenFrom"), report.getString("takenAt"),
                    report.getString("target"), report.getInt("ledgerEntries"), report.getInt("erasuresReplayed"));
            case "fence" -> "Region " + report.getString("fenced") + " is fenced: the application can neither read "
                    + "nor write there.\n";
            default -> "Region " + report.getString("rejoined") + " is the standby again, subscribed to region "
                    + report.getString("subscribesTo") + ", and stays fenced.\n";
        });
        if (report.containsKey("steps")) {
            for (JsonValue step : report.getJsonArray("steps")) {
                text.append(String.format(Locale.ROOT, "  %8.1f ms  %s%n",
                        step.asJsonObject().getJsonNumber("millis").doubleValue(), step.asJsonObject().getString("step")));
            }
        }
        return text.toString().stripTrailing();
    }

    private static String salvageText(JsonObject report) {
        StringBuilder text = new StringBuilder();
        for (JsonValue value : report.getJsonArray("commits")) {
            JsonObject commit = value.asJsonObject();
            text.append(String.format(Locale.ROOT, "%-15s commit %s at %s (%s)%s%n", commit.getString("verdict"),
                    commit.getJsonNumber("xid"), commit.getString("committedAt"), commit.getString("commitLsn"),
                    commit.isNull("reason") ? "" : ": " + commit.getString("reason")));
            for (JsonValue change : commit.getJsonArray("changes")) {
                JsonObject row = change.asJsonObject();
                text.append(String.format(Locale.ROOT, "                  %-6s %s %s%n", row.getString("kind"),
                        row.getString("table"), row.getString("key")));
            }
        }
        long applies = report.getJsonNumber("applies").longValue();
        long conflicts = report.getJsonNumber("conflicts").longValue();
        String from = report.getString("from");
        text.append(String.format(Locale.ROOT, "%d lost commits of region %s apply to region %s, %d are there "
                + "already, %d conflict.%n", applies, from, report.getString("to"),
                report.getJsonNumber("alreadyPresent").longValue(), conflicts));
        if (!report.getBoolean("applied")) {
            text.append(applies == 0 ? "Nothing was changed." : "Nothing was changed yet: run bin/citadel dr salvage "
                    + from + " --apply to apply them.");
        } else if (conflicts > 0) {
            text.append("The commits that apply are applied. Settle the conflicts by hand (region " + from + " keeps "
                    + "them, fenced), then bin/citadel dr rejoin " + from + " --discard-lost-commits.");
        } else {
            text.append("Every lost commit is settled" + (report.getBoolean("slotDropped") ? " and the slot is dropped"
                    : "") + ": bin/citadel dr rejoin " + from + " may follow.");
        }
        return text.append('\n').toString();
    }

    private static double millis(Duration duration) {
        return duration.toNanos() / 1e6;
    }
}
