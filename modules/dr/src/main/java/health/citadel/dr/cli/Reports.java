package health.citadel.dr.cli;

import health.citadel.dr.internal.Failover;
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

    private static double millis(Duration duration) {
        return duration.toNanos() / 1e6;
    }
}
