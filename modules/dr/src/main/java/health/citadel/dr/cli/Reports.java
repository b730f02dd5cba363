package health.citadel.dr.cli;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Locale;

/**
 * What a DR operation did, as text for the DBA; {@link health.citadel.dr.internal.operations.OperationReports} has
 * the JSON.
 */
final class Reports {

    private Reports() {
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
            case "migrate" -> migrateText(report);
            case "backup" -> backupText(report);
            case "restore" -> String.format(Locale.ROOT, "Restored %d rows in %d tables, taken from region %s at %s, into "
                    + "%s; every table's checksum is the backup's. The erasure ledger's %d entries were replayed: %d "
                    + "patients erased since the backup are erased again.%n", report.getJsonNumber("rows").longValue(),
                    report.getInt("tables"), report.getString("takenFrom"), report.getString("takenAt"),
                    report.getString("target"), report.getInt("ledgerEntries"), report.getInt("erasuresReplayed"));
            case "base-backup" -> String.format(Locale.ROOT, "Copied %d files (%d bytes) of region %s's data folder "
                    + "to %s, from %s to %s; with the WAL archived since, every moment after %s can be restored. "
                    + "Retention removed %d older base backups.%n", report.getJsonNumber("files").longValue(),
                    report.getJsonNumber("bytes").longValue(), report.getString("region"), report.getString("folder"),
                    report.getString("startedAt"), report.getString("stoppedAt"), report.getString("stoppedAt"),
                    report.getInt("removed"));
            case "point-in-time-restore" -> String.format(Locale.ROOT, "Region %s as it was at %s is running in %s "
                    + "on port %d (%s), from base backup %s and the WAL archive. It is fenced and subscribes to "
                    + "nothing. The erasure ledger's %d entries were replayed: %d patients erased since then are erased "
                    + "again. Stop it with pg_ctl -D %s stop.%n", report.getString("region"),
                    report.getString("recoveredTo"), report.getString("into"), report.getInt("port"),
                    report.getString("url"), report.getString("baseBackup"), report.getInt("ledgerEntries"),
                    report.getInt("erasuresReplayed"), report.getString("into"));
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

    private static String backupText(JsonObject report) {
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "Backed up %d rows in %d tables of region %s "
                + "(epoch %d) to %s (%d bytes, encrypted). Keep the backup key apart from it.%n",
                report.getJsonNumber("rows").longValue(), report.getInt("tables"), report.getString("region"),
                report.getJsonNumber("epoch").longValue(), report.getString("file"),
                report.getJsonNumber("bytes").longValue()));
        if (!report.isNull("copyFailed")) {
            return text.append("COPY FAILED: ").append(report.getString("copyFailed")).append(".\nRetention removed "
                    + "nothing: every backup stays until a copy succeeds again.\n").toString();
        }
        text.append(report.isNull("copy") ? "Not copied to another region: CITADEL_DR_BACKUP_COPY is not set.\n"
                : "Copied to " + report.getString("copy") + " and read back whole.\n");
        List<String> removed = report.getJsonArray("removed").getValuesAs(JsonString::getString);
        JsonObject retention = report.getJsonObject("retention");
        text.append(String.format(Locale.ROOT, "Retention (the newest of each of the last %d days and %d ISO weeks) "
                + "removed %s%n", retention.getInt("daily"), retention.getInt("weekly"),
                removed.isEmpty() ? "nothing." : removed.size() + ":"));
        removed.forEach(file -> text.append("  ").append(file).append('\n'));
        return text.toString();
    }

    private static String migrateText(JsonObject report) {
        String standby = report.getString("standby");
        String writer = report.getString("writer");
        if (report.getJsonArray("migrations").isEmpty()) {
            return "Regions " + standby + " and " + writer + " have every migration of this release; both publish "
                    + "every table, and region " + standby + " follows them all.\n";
        }
        StringBuilder text = new StringBuilder();
        for (JsonValue value : report.getJsonArray("migrations")) {
            JsonObject migration = value.asJsonObject();
            text.append(String.format(Locale.ROOT, "  %-9s V%-6s %-40s applied to %s%n", migration.getString("schema"),
                    migration.getString("version"), migration.getString("description"),
                    String.join(", ", migration.getJsonArray("regions").getValuesAs(JsonString::getString))));
        }
        return "Migrated region " + standby + " (the standby), then region " + writer + " (the writer); both publish "
                + "the new tables, and region " + standby + " follows them:\n" + text;
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
}
