package health.citadel.dr.cli;

import health.citadel.dr.api.ReplicationStatus;
import health.citadel.dr.internal.operations.OperationReports;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.util.Locale;

/** {@code bin/citadel dr status} as text for a person or JSON for a script. */
final class StatusOutput {

    private StatusOutput() {
    }

    static String text(ReplicationStatus status) {
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "writer   region %s%s%n", status.writer().name(), region(status.writer())));
        text.append(String.format(Locale.ROOT, "standby  region %s%s%n", status.standby().name(), region(status.standby())));
        text.append(String.format(Locale.ROOT, "lag      %s, %s%n",
                status.lagSeconds() == null ? "unknown" : String.format(Locale.ROOT, "%.2f s", status.lagSeconds()),
                status.lagBytes() == null ? "unknown" : status.lagBytes() + " bytes"));
        if (status.slot() != null) {
            var slot = status.slot();
            text.append(String.format(Locale.ROOT, "slot     %s, %s, WAL %s, retains %s bytes, unconfirmed %s bytes "
                    + "for %s s%n", slot.name(), slot.active() ? "active" : "INACTIVE", slot.walStatus(),
                    slot.retainedBytes(), slot.unconfirmedBytes(), slot.confirmedAgeSeconds() == null ? null
                            : String.format(Locale.ROOT, "%.1f", slot.confirmedAgeSeconds())));
        }
        if (status.subscription() != null) {
            var subscription = status.subscription();
            text.append(String.format(Locale.ROOT, "apply    %s, %s, %d apply errors, %d sync errors%n",
                    subscription.enabled() ? "enabled" : "DISABLED",
                    subscription.workerRunning() ? "worker running" : "WORKER STOPPED",
                    subscription.applyErrors(), subscription.syncErrors()));
        }
        text.append("last heartbeat applied  ")
                .append(status.lastAppliedHeartbeat() == null ? "none" : status.lastAppliedHeartbeat()).append('\n');
        status.problems().forEach(problem -> text.append("PROBLEM  ").append(problem).append('\n'));
        return text.toString().stripTrailing();
    }

    private static String region(ReplicationStatus.Region region) {
        return !region.reachable() ? "  UNREACHABLE"
                : region.epoch() == null ? "  (no epoch)" : "  epoch " + region.epoch() + ", writer " + region.writerRegion();
    }

    static String json(ReplicationStatus status) {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("probedAt", status.probedAt().toString())
                .add("writer", region(Json.createObjectBuilder(), status.writer()))
                .add("standby", region(Json.createObjectBuilder(), status.standby()));
        OperationReports.nullable(json, "lagSeconds", status.lagSeconds());
        OperationReports.nullable(json, "lagBytes", status.lagBytes());
        if (status.slot() != null) {
            var slot = Json.createObjectBuilder().add("name", status.slot().name())
                    .add("active", status.slot().active()).add("walStatus", String.valueOf(status.slot().walStatus()));
            OperationReports.nullable(slot, "retainedBytes", status.slot().retainedBytes());
            OperationReports.nullable(slot, "unconfirmedBytes", status.slot().unconfirmedBytes());
            OperationReports.nullable(slot, "confirmedAgeSeconds", status.slot().confirmedAgeSeconds());
            json.add("slot", slot);
        }
        if (status.subscription() != null) {
            var subscription = status.subscription();
            json.add("subscription", Json.createObjectBuilder().add("name", subscription.name())
                    .add("enabled", subscription.enabled()).add("workerRunning", subscription.workerRunning())
                    .add("applyErrors", subscription.applyErrors()).add("syncErrors", subscription.syncErrors()));
        }
        OperationReports.nullable(json, "lastAppliedHeartbeat", status.lastAppliedHeartbeat() == null ? null
                : status.lastAppliedHeartbeat().toString());
        JsonArrayBuilder problems = Json.createArrayBuilder();
        status.problems().forEach(problems::add);
        return json.add("problems", problems).build().toString();
    }

    private static JsonObjectBuilder region(JsonObjectBuilder json, ReplicationStatus.Region region) {
        json.add("name", region.name()).add("reachable", region.reachable());
        OperationReports.nullable(json, "epoch", region.epoch());
        OperationReports.nullable(json, "writerRegion", region.writerRegion());
        return json;
    }
}
